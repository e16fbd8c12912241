import type { Contact, Owner } from '../core/index.ts';

/** A row of `contacts`, as postgres.js returns it. */
export interface ContactRow {
  id: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  company: string | null;
  title: string | null;
  timezone: string | null;
  locale: string | null;
  owner: Owner | null;
  tags: string[];
  attributes: Record<string, unknown>;
  unsubscribed: boolean;
}

const TEXT_FIELDS = ['email', 'phone', 'name', 'company', 'title', 'timezone', 'locale'] as const;

/** The contact the core reads: absent fields left out, as in a contact file. */
export function contactOf(row: ContactRow): Contact {
  const contact: Contact = {
    id: row.id,
    tags: row.tags,
    attributes: row.attributes,
    unsubscribed: row.unsubscribed,
  };
  for (const field of TEXT_FIELDS) {
    const value = row[field];
    if (value !== null) contact[field] = value;
  }
  if (row.owner) contact.owner = row.owner;
  return contact;
}

/** The columns of a contact, for an update after an `update_contact` step. */
export function columnsOf(contact: Contact) {
  return {
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    name: contact.name ?? null,
    company: contact.company ?? null,
    title: contact.title ?? null,
    timezone: contact.timezone ?? null,
    locale: contact.locale ?? null,
    owner: contact.owner ?? null,
    tags: contact.tags ?? [],
    attributes: contact.attributes ?? {},
  };
}
