import type { Rule } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { ruleHolds } from './rules.ts';
import type { Contact, EnrollmentEvent } from './types.ts';

const contact: Contact = {
  email: 'minjun@example.com',
  name: '김민준',
  company: 'Hanbit Logistics',
  title: 'CTO',
  tags: ['vip', 'seoul'],
  owner: { name: '이서연', email: 'seoyeon@nudge.test' },
  attributes: {
    employees: 120,
    plan: 'pro',
    seats: '45',
    renewal: '2026-03-01',
    nested: { tier: 2 },
  },
};

const events: EnrollmentEvent[] = [
  { id: '1', type: 'opened', at: 1, node: 'welcome' },
  { id: '2', type: 'custom', at: 2, name: 'demo_booked' },
];

const holds = (rule: Rule) => ruleHolds(rule, contact, events);

describe('field rules', () => {
  it.each<[Rule, boolean]>([
    [{ field: 'contact.title', op: 'eq', value: 'CTO' }, true],
    [{ field: 'contact.title', op: 'eq', value: 'cto' }, false],
    [{ field: 'contact.title', op: 'neq', value: 'CEO' }, true],
    [{ field: 'contact.phone', op: 'neq', value: 'x' }, true],
    [{ field: 'contact.phone', op: 'eq', value: null }, false],
    [{ field: 'contact.attributes.seats', op: 'eq', value: 45 }, true],
    [{ field: 'contact.attributes.employees', op: 'eq', value: '120' }, true],
    [{ field: 'contact.company', op: 'contains', value: 'logistics' }, true],
    [{ field: 'contact.company', op: 'contains', value: 'Air' }, false],
    [{ field: 'contact.tags', op: 'contains', value: 'vip' }, true],
    [{ field: 'contact.tags', op: 'contains', value: 'busan' }, false],
    [{ field: 'contact.attributes.plan', op: 'in', value: ['pro', 'enterprise'] }, true],
    [{ field: 'contact.attributes.plan', op: 'in', value: ['free'] }, false],
    [{ field: 'contact.tags', op: 'in', value: ['seoul', 'busan'] }, true],
    [{ field: 'contact.phone', op: 'exists' }, false],
    [{ field: 'contact.owner.name', op: 'exists' }, true],
    [{ field: 'contact.attributes.nested.tier', op: 'gte', value: 2 }, true],
    [{ field: 'contact.attributes.employees', op: 'gt', value: 100 }, true],
    [{ field: 'contact.attributes.employees', op: 'lt', value: 100 }, false],
    [{ field: 'contact.attributes.seats', op: 'lte', value: '45' }, true],
    [{ field: 'contact.attributes.renewal', op: 'lt', value: '2026-03-02' }, true],
    [{ field: 'contact.attributes.renewal', op: 'gt', value: '2026-02-28T23:00:00+09:00' }, true],
    [{ field: 'contact.attributes.plan', op: 'gt', value: 3 }, false],
    [{ field: 'contact.attributes.missing', op: 'lt', value: 3 }, false],
  ])('%j is %s', (rule, expected) => {
    expect(holds(rule)).toBe(expected);
  });

  it('reads own properties only, never the prototype chain', () => {
    expect(holds({ field: 'contact.attributes.constructor', op: 'exists' })).toBe(false);
    expect(holds({ field: 'contact.attributes.__proto__', op: 'exists' })).toBe(false);
    expect(holds({ field: 'contact.name.length', op: 'exists' } as Rule)).toBe(false);
  });
});

describe('event rules', () => {
  it.each<[Rule, boolean]>([
    [{ event: 'opened' }, true],
    [{ event: 'opened', node: 'welcome' }, true],
    [{ event: 'opened', node: 'bump' }, false],
    [{ event: 'clicked' }, false],
    [{ event: 'custom', name: 'demo_booked' }, true],
    [{ event: 'custom', name: 'trial_started' }, false],
  ])('%j is %s', (rule, expected) => {
    expect(holds(rule)).toBe(expected);
  });
});

describe('combinations', () => {
  it('all, any and not nest', () => {
    const opened = { event: 'opened' } as const;
    const vip = { field: 'contact.tags', op: 'contains', value: 'vip' } as const;
    const ceo = { field: 'contact.title', op: 'eq', value: 'CEO' } as const;
    expect(holds({ all: [opened, vip] })).toBe(true);
    expect(holds({ all: [opened, ceo] })).toBe(false);
    expect(holds({ any: [ceo, vip] })).toBe(true);
    expect(holds({ not: { any: [ceo, { event: 'replied' }] } })).toBe(true);
    expect(holds({ all: [{ not: ceo }, { any: [{ not: opened }, vip] }] })).toBe(true);
  });
});
