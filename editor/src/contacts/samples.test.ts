import { checkContact } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CONTACTS } from './samples.ts';

describe('sample contacts', () => {
  it('are valid contacts with unique keys and ids', () => {
    for (const { key, contact } of SAMPLE_CONTACTS)
      expect(checkContact(contact), key).toEqual({ ok: true, contact });
    expect(new Set(SAMPLE_CONTACTS.map((s) => s.key)).size).toBe(SAMPLE_CONTACTS.length);
    expect(new Set(SAMPLE_CONTACTS.map((s) => s.contact.id)).size).toBe(SAMPLE_CONTACTS.length);
  });

  it('include Korean and English contacts, with and without a name', () => {
    const names = SAMPLE_CONTACTS.map((s) => s.contact.name);
    expect(names.some((n) => n && /[가-힣]/.test(n))).toBe(true);
    expect(names.some((n) => n && /^[A-Za-z ]+$/.test(n))).toBe(true);
    expect(names.filter((n) => n === undefined).length).toBeGreaterThanOrEqual(2);
  });
});
