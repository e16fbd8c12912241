import { beforeEach, describe, expect, it } from 'vitest';
import {
  addContact,
  chooseContact,
  chosenContact,
  contactChoice,
  contactLabel,
  resetContactChoice,
  stepContact,
} from './contact-choice.ts';
import { SAMPLE_CONTACTS } from './samples.ts';

describe('the chosen contact', () => {
  beforeEach(resetContactChoice);

  it('starts at the first sample and steps through the list, wrapping', () => {
    expect(chosenContact().key).toBe(`sample:${SAMPLE_CONTACTS[0]?.key}`);
    stepContact(-1);
    expect(chosenContact().key).toBe(`sample:${SAMPLE_CONTACTS.at(-1)?.key}`);
    stepContact(1);
    stepContact(1);
    expect(chosenContact().key).toBe(`sample:${SAMPLE_CONTACTS[1]?.key}`);
  });

  it('adds a pasted contact once and chooses it; adding it again updates it', () => {
    const key = addContact('pasted', { id: 'c-1', name: '홍길동' });
    expect(chosenContact().contact.name).toBe('홍길동');
    chooseContact(`sample:${SAMPLE_CONTACTS[0]?.key}`);
    addContact('pasted', { id: 'c-1', name: '홍길순' });
    expect(chosenContact().key).toBe(key);
    expect(chosenContact().contact.name).toBe('홍길순');
    expect(contactChoice.getState().entries).toHaveLength(SAMPLE_CONTACTS.length + 1);
  });

  it('labels a contact by name, then email, then phone', () => {
    expect(contactLabel({ name: 'A', email: 'a@x' })).toBe('A');
    expect(contactLabel({ email: 'a@x', phone: '+1' })).toBe('a@x');
    expect(contactLabel({ phone: '+1' })).toBe('+1');
  });
});
