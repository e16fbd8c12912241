import { describe, expect, it } from 'vitest';
import { applyUpdate, readPath } from './contact.ts';
import type { Contact } from './types.ts';

const contact: Contact = {
  name: '김민준',
  tags: ['lead'],
  owner: { name: '이서연' },
  attributes: { plan: 'free', deep: { level: 1 } },
};

describe('readPath', () => {
  it('reads fields, owner fields, nested attributes and tags', () => {
    expect(readPath(contact, 'contact.name')).toBe('김민준');
    expect(readPath(contact, 'contact.owner.name')).toBe('이서연');
    expect(readPath(contact, 'contact.attributes.deep.level')).toBe(1);
    expect(readPath(contact, 'contact.tags')).toEqual(['lead']);
    expect(readPath(contact, 'contact.attributes.none.level')).toBeUndefined();
    expect(readPath(contact, 'owner.name')).toBeUndefined();
  });
});

describe('applyUpdate', () => {
  it('sets, clears and tags without changing the original', () => {
    const next = applyUpdate(contact, {
      set: {
        'contact.title': 'CTO',
        'contact.attributes.plan': 'pro',
        'contact.attributes.deep.level': null,
        'contact.attributes.stage.name': 'trial',
        'contact.owner.email': 'seoyeon@nudge.test',
      },
      addTags: ['customer', 'lead'],
      removeTags: ['lead'],
    });
    expect(next).toEqual({
      name: '김민준',
      title: 'CTO',
      tags: ['customer'],
      owner: { name: '이서연', email: 'seoyeon@nudge.test' },
      attributes: { plan: 'pro', deep: {}, stage: { name: 'trial' } },
    });
    expect(contact.attributes).toEqual({ plan: 'free', deep: { level: 1 } });
    expect(contact.tags).toEqual(['lead']);
  });

  it('writes a key named __proto__ as data, never into the prototype', () => {
    const next = applyUpdate(
      {},
      { set: { 'contact.attributes.__proto__.polluted': 'yes' }, addTags: [], removeTags: [] },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readPath(next, 'contact.attributes.__proto__.polluted')).toBe('yes');
  });
});
