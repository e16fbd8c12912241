import { type Contact, ruleHolds } from '@nudge/runtime/core';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import type { FieldRule, Rule } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../api.test-support.ts';
import { upsertContacts } from './contacts.ts';
import { segmentWhere } from './segment-sql.ts';

/* The SQL translation of a segment picks exactly the contacts ruleHolds picks. */

const { sql } = await createTestDatabase();
const w = await createWorkspace(sql);

// Values that stress each comparison: numbers and numeric strings, ISO dates that V8 rolls
// over or refuses, strings of other cases, empties, nulls, arrays, objects.
const VALUES: unknown[] = [
  0,
  5,
  12,
  12.5,
  -3,
  1e21,
  '12',
  ' 12 ',
  '12.0',
  '0012',
  '.5',
  '5.',
  '1e3',
  'abc',
  'ABC',
  'aBc-d',
  '',
  true,
  false,
  null,
  [],
  ['a', 'B'],
  [12, '5'],
  { k: 1 },
  '2026-01-05',
  '2026-01-05T10:00',
  '2026-01-05T10:00:00.5+09:00',
  '2026-02-30',
  '2026-02-32',
  '2026-13-01',
  '2026-01-01T24:00',
  '2026-01-01T24:01Z',
  '2026-01-05 09:30Z',
  '0000-01-01',
  '2026-01-05T10:00+0530',
  '김민준',
  'Straße',
];
const contacts: Contact[] = VALUES.map((v, i) => ({
  id: `c${i}`,
  ...(i % 3 === 0 ? {} : { email: `c${i}@x.example`, name: i % 2 ? 'Ana Díaz' : '김민준' }),
  tags: i % 4 === 0 ? [] : i % 4 === 1 ? ['lead'] : ['lead', 'VIP'],
  attributes: { v, o: { k: v }, list: [v, 'x'] },
  ...(i % 5 === 0 ? { owner: { name: 'Jihoon', email: 'j@x.example' } } : {}),
  unsubscribed: i % 7 === 0,
}));
await upsertContacts(sql, w.id, contacts);

const PATHS = [
  'contact.attributes.v',
  'contact.attributes.o.k',
  'contact.attributes.list.0',
  'contact.attributes.list.length',
  'contact.attributes.missing',
  'contact.tags',
  'contact.email',
  'contact.name',
  'contact.owner.name',
  'contact.unsubscribed',
  'contact.id',
];
const RULE_VALUES: unknown[] = [
  12,
  '12',
  5,
  '5',
  0,
  'abc',
  'b',
  'lead',
  'vip',
  'VIP',
  '',
  true,
  null,
  ['a', 'B'],
  [12, '5'],
  '2026-01-05',
  '2026-01-05T09:00Z',
  '2026-03-01',
  'Ana',
  'strasse',
  '민',
];

function rules(): Rule[] {
  const out: Rule[] = [];
  for (const field of PATHS) {
    out.push({ field, op: 'exists' });
    for (const value of RULE_VALUES)
      for (const op of ['eq', 'neq', 'contains', 'gt', 'gte', 'lt', 'lte'] as const)
        if (
          !['gt', 'gte', 'lt', 'lte'].includes(op) ||
          typeof value === 'number' ||
          typeof value === 'string'
        )
          out.push({ field, op, value } as FieldRule);
    out.push({ field, op: 'in', value: [12, 'abc', 'lead', null] });
    out.push({ field, op: 'in', value: ['2026-01-05', true] });
  }
  return out;
}

async function selected(rule: Rule): Promise<string[]> {
  const rows = await sql<Array<{ id: string }>>`
    select c.id from contacts c where c.workspace_id = ${w.id} and ${segmentWhere(sql, rule)}
    order by c.id`;
  return rows.map((r) => r.id);
}

const expected = (rule: Rule) =>
  contacts
    .filter((c) => ruleHolds(rule, c, []))
    .map((c) => c.id as string)
    .sort();

describe('segmentWhere', () => {
  it('agrees with ruleHolds on every field test of the sample', async () => {
    const all = rules();
    expect(all.length).toBeGreaterThan(1000);
    const disagreements: string[] = [];
    for (const rule of all) {
      const [got, want] = [await selected(rule), expected(rule)];
      if (JSON.stringify(got) !== JSON.stringify(want))
        disagreements.push(`${JSON.stringify(rule)}: sql ${got.join(',')} core ${want.join(',')}`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  it('agrees on all, any and not, nested', async () => {
    const rule: Rule = {
      any: [
        {
          all: [
            { field: 'contact.tags', op: 'contains', value: 'VIP' },
            { not: { field: 'contact.attributes.v', op: 'gt', value: 4 } },
          ],
        },
        {
          not: {
            any: [
              { field: 'contact.email', op: 'exists' },
              { field: 'contact.attributes.v', op: 'eq', value: 'abc' },
            ],
          },
        },
      ],
    };
    expect(await selected(rule)).toEqual(expected(rule));
  });
});

describe('segmentWhere at the limits of a RULE', () => {
  // The largest RULE the validator lets through, on the costliest paths: 200 parts (66 groups
  // of an `in` of 30 values and a numeric-key eq), 1,980 values, paths of five keys.
  const deepPath = 'contact.attributes.list.0.0.0.length';
  const largest: Rule = {
    any: Array.from({ length: 66 }, (_, g) => ({
      all: [
        {
          field: deepPath,
          op: 'in',
          value: Array.from({ length: 30 }, (_, i) => (i % 2 ? `v${g}-${i}` : i)),
        },
        { field: 'contact.attributes.list.0', op: 'eq', value: `x${g}` },
      ],
    })) as Rule[],
  };

  it('translates in a few milliseconds, binding each value once', async () => {
    const started = performance.now();
    const where = segmentWhere(sql, largest);
    const query = sql`select c.id from contacts c where c.workspace_id = ${w.id} and ${where}`;
    const described = await query.describe();
    expect(performance.now() - started).toBeLessThan(1000);
    // Per group: the `in` list and its path's 4 keys (`length` is no parameter), the eq string
    // and its path's 2 keys; and the workspace.
    expect(described.types.length).toBe(66 * (1 + 4 + 1 + 2) + 1);
    const translate = performance.now();
    for (let i = 0; i < 10; i++) segmentWhere(sql, largest);
    expect((performance.now() - translate) / 10).toBeLessThan(50);
  });

  it('runs the largest RULE over the contacts, agreeing with ruleHolds', async () => {
    expect(await selected(largest)).toEqual(expected(largest));
    const chosen: Rule = { field: 'contact.attributes.list.0', op: 'eq', value: 12 };
    expect(await selected(chosen)).toEqual(expected(chosen));
    expect((await selected(chosen)).length).toBeGreaterThan(0);
  });
});
