import type { Contact } from '@nudge/schema';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { SAMPLE_CONTACTS } from './samples.ts';

/**
 * The contact that Preview and Simulate show the sequence for: one choice for the whole editor,
 * so a template author who picks "김민지" in Preview simulates for her too. The list starts with
 * the shipped samples; a contact found on the server or pasted as JSON joins it (once: choosing
 * the same id again picks the one already listed) and becomes the chosen one.
 */
export type ContactSource = 'sample' | 'server' | 'pasted';

export interface ContactEntry {
  key: string;
  source: ContactSource;
  contact: Contact;
}

interface ContactChoice {
  entries: ContactEntry[];
  index: number;
}

const initial = (): ContactChoice => ({
  entries: SAMPLE_CONTACTS.map((s) => ({
    key: `sample:${s.key}`,
    source: 'sample',
    contact: s.contact,
  })),
  index: 0,
});

export const contactChoice = createStore<ContactChoice>()(initial);

export function chosenContact(state: ContactChoice = contactChoice.getState()): ContactEntry {
  return state.entries[state.index] ?? (state.entries[0] as ContactEntry);
}

export function useChosenContact(): ContactEntry {
  return useStore(contactChoice, chosenContact);
}

export function useContactEntries(): { entries: ContactEntry[]; index: number } {
  return useStore(contactChoice);
}

/** Steps through the list, wrapping at either end (the arrows of Preview and Simulate). */
export function stepContact(by: 1 | -1): void {
  contactChoice.setState(({ entries, index }) => ({
    index: (index + by + entries.length) % entries.length,
  }));
}

export function chooseContact(key: string): void {
  const index = contactChoice.getState().entries.findIndex((e) => e.key === key);
  if (index >= 0) contactChoice.setState({ index });
}

/** Adds a server or pasted contact (or finds it listed already) and chooses it. */
export function addContact(source: Exclude<ContactSource, 'sample'>, contact: Contact): string {
  const key = `${source}:${contact.id ?? contact.email ?? contact.phone ?? JSON.stringify(contact)}`;
  contactChoice.setState(({ entries }) => {
    const at = entries.findIndex((e) => e.key === key);
    if (at >= 0) {
      const next = entries.slice();
      next[at] = { key, source, contact };
      return { entries: next, index: at };
    }
    return { entries: [...entries, { key, source, contact }], index: entries.length };
  });
  return key;
}

/** For tests and stories: back to the samples alone. */
export function resetContactChoice(): void {
  contactChoice.setState(initial(), true);
}

/** What the picker calls a contact: its name, else its email or phone, else its id. */
export function contactLabel(contact: Contact): string {
  return contact.name ?? contact.email ?? contact.phone ?? contact.id ?? '?';
}
