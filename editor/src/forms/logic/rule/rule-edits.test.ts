import { validateSequence } from '@nudge/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS, fieldKind } from './contact-fields.ts';
import { operatorsFor } from './operators.ts';
import { path, sequenceWith, validRule } from './rule-arbitrary.test-support.ts';
import {
  joined,
  negated,
  newCondition,
  newEvent,
  newGroup,
  withEvent,
  withField,
  withOperator,
  withValueKind,
} from './rule-edits.ts';
import { type FieldPart, readRule, writeRule } from './rule-model.ts';

const test = (field: string, op: string, value?: unknown): FieldPart => ({
  kind: 'field',
  field,
  op,
  hasValue: value !== undefined,
  value,
});

const valid = (rule: unknown) => validateSequence(sequenceWith(rule)).errors;

describe('rule builder edits', () => {
  it('start from valid rules', () => {
    expect(valid(writeRule(newCondition()))).toEqual([]);
    expect(valid(writeRule(newGroup()))).toEqual([]);
    expect(valid(writeRule(newEvent('opened')))).toEqual([]);
    for (const f of CONTACT_FIELDS)
      expect(valid(writeRule(newCondition(f.path))), f.path).toEqual([]);
  });

  it('a new field keeps the comparison when it has it, and the value as its type', () => {
    expect(withField(test('contact.name', 'contains', 'Kim'), 'contact.title')).toEqual(
      test('contact.title', 'contains', 'Kim'),
    );
    expect(withField(test('contact.attributes.seats', 'gt', 5), 'contact.company')).toEqual(
      test('contact.company', 'eq', '5'),
    );
    expect(withField(test('contact.name', 'eq', 'x'), 'contact.tags')).toEqual(
      test('contact.tags', 'contains', 'x'),
    );
    expect(withField(test('contact.name', 'eq', 'x'), 'contact.unsubscribed')).toEqual(
      test('contact.unsubscribed', 'eq', true),
    );
    // Attributes hold anything: the value stays as it was.
    expect(withField(test('contact.attributes.a', 'lt', 3), 'contact.attributes.b')).toEqual(
      test('contact.attributes.b', 'lt', 3),
    );
  });

  it('a new comparison keeps the value: a list of it for "in", none for "exists"', () => {
    expect(withOperator(test('contact.name', 'eq', 'Kim'), 'in')).toEqual(
      test('contact.name', 'in', ['Kim']),
    );
    expect(withOperator(test('contact.name', 'in', ['a', 'b']), 'neq')).toEqual(
      test('contact.name', 'neq', 'a'),
    );
    expect(withOperator(test('contact.name', 'eq', 'Kim'), 'exists')).toEqual(
      test('contact.name', 'exists'),
    );
    expect(withOperator(test('contact.name', 'exists'), 'eq')).toEqual(
      test('contact.name', 'eq', ''),
    );
    expect(withOperator(test('contact.attributes.vip', 'eq', true), 'gt')).toEqual(
      test('contact.attributes.vip', 'gt', 0),
    );
  });

  it('a new type converts the value, a list item by item', () => {
    expect(withValueKind(test('contact.attributes.n', 'eq', '42'), 'number').value).toBe(42);
    expect(withValueKind(test('contact.attributes.n', 'eq', 'many'), 'number').value).toBe(0);
    expect(
      withValueKind(test('contact.attributes.d', 'eq', '2026-05-01T10:00:00Z'), 'date').value,
    ).toBe('2026-05-01');
    expect(withValueKind(test('contact.attributes.n', 'in', ['1', 'x']), 'number').value).toEqual([
      1, 0,
    ]);
    expect(withValueKind(test('contact.attributes.b', 'eq', 'false'), 'boolean').value).toBe(false);
  });

  it('events keep their step, and a custom event gets a name to fill in', () => {
    expect(withEvent({ kind: 'event', event: 'opened', node: 'welcome' }, 'clicked')).toEqual({
      kind: 'event',
      event: 'clicked',
      node: 'welcome',
    });
    expect(withEvent({ kind: 'event', event: 'opened' }, 'custom')).toEqual({
      kind: 'event',
      event: 'custom',
      name: '',
    });
    expect(withEvent({ kind: 'event', event: 'custom', name: 'x' }, 'replied')).toEqual({
      kind: 'event',
      event: 'replied',
    });
  });

  it('a bare test joined by another makes an "all" group; a group takes it in', () => {
    const a = newEvent('opened');
    const b = newCondition();
    expect(joined(a, b)).toEqual({ kind: 'group', match: 'all', items: [a, b] });
    expect(joined({ kind: 'group', match: 'any', items: [a] }, b)).toEqual({
      kind: 'group',
      match: 'any',
      items: [a, b],
    });
    expect(joined({ kind: 'none' }, b)).toEqual({ kind: 'group', match: 'all', items: [b] });
  });

  it('Not wraps any part', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        expect(writeRule(negated(readRule(rule)))).toEqual({ not: rule });
      }),
    );
  });

  it('every field and every comparison offered for it keep a valid test valid', () => {
    const fieldTest = fc.record({
      field: path,
      op: fc.constantFrom('eq', 'neq', 'contains'),
      value: fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    });
    const target = fc.oneof(path, fc.constantFrom(...CONTACT_FIELDS.map((f) => f.path)));
    fc.assert(
      fc.property(fieldTest, target, fc.nat(), (rule, field, pick) => {
        const moved = withField(readRule(rule) as FieldPart, field);
        expect(valid(writeRule(moved))).toEqual([]);
        const ops = operatorsFor(fieldKind(field));
        const op = ops[pick % ops.length] as string;
        expect(valid(writeRule(withOperator(moved, op)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
