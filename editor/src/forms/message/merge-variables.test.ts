import { describe, expect, it } from 'vitest';
import { mergeCompletions } from './merge-variables.ts';

const labels = (completions: readonly { label: string }[]) => completions.map((c) => c.label);

describe('mergeCompletions', () => {
  it('offers the roots of the merge context and the built-in Korean aliases, with their paths', () => {
    const { variables } = mergeCompletions({});
    expect(labels(variables)).toEqual([
      'contact',
      'owner',
      'sender',
      'sequence',
      '고객명',
      '회사명',
      '직함',
      '담당자명',
    ]);
    expect(variables.find((v) => v.label === '담당자명')?.detail).toBe('owner.name');
  });

  it('offers the unsubscribe link where links are filled in (emails) only', () => {
    expect(labels(mergeCompletions({}, { links: true }).variables)).toContain('unsubscribe_url');
    expect(labels(mergeCompletions({}).variables)).not.toContain('unsubscribe_url');
  });

  it("adds the sequence's aliases, which override a built-in one of the same name", () => {
    const { variables } = mergeCompletions({
      만료일: 'contact.attributes.renewal_date',
      고객명: 'contact.attributes.nickname',
      broken: 42,
    });
    expect(variables.find((v) => v.label === '만료일')?.detail).toBe(
      'contact.attributes.renewal_date',
    );
    expect(variables.filter((v) => v.label === '고객명')).toEqual([
      { label: '고객명', detail: 'contact.attributes.nickname', type: 'variable' },
    ]);
    // Junk in an opened file's settings is not offered.
    expect(labels(variables)).not.toContain('broken');
  });

  it('lists the fields after a dot, as the validator knows them', () => {
    const { properties } = mergeCompletions({});
    expect(labels(properties(['contact']))).toEqual([
      'id',
      'email',
      'phone',
      'name',
      'company',
      'title',
      'timezone',
      'locale',
      'tags',
      'unsubscribed',
      'attributes',
      'owner',
    ]);
    expect(labels(properties(['contact', 'owner']))).toEqual(['name', 'email', 'phone']);
    expect(labels(properties(['sender']))).toEqual(['name', 'email', 'replyTo']);
    expect(labels(properties(['sequence']))).toEqual(['name']);
  });

  it('lists nothing where any key goes, past a field, or after an unknown name', () => {
    const { properties } = mergeCompletions({});
    expect(properties(['contact', 'attributes'])).toEqual([]);
    expect(properties(['contact', 'name'])).toEqual([]);
    expect(properties(['contact', 'name', 'first'])).toEqual([]);
    expect(properties(['고객명'])).toEqual([]);
    expect(properties(['constructor'])).toEqual([]);
    expect(properties(['contact', '__proto__'])).toEqual([]);
    expect(properties([])).toEqual([]);
  });
});
