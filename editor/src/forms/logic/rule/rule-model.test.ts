import { LIMITS, validateSequence } from '@nudge/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequenceWith, validRule } from './rule-arbitrary.test-support.ts';
import { type RulePart, readRule, writeRule } from './rule-model.ts';

/** Every part of a read rule, depth first. */
function* parts(part: RulePart): Generator<RulePart> {
  yield part;
  if (part.kind === 'group') for (const item of part.items) yield* parts(item);
  if (part.kind === 'not') yield* parts(part.inner);
}

describe('reading and writing a RULE', () => {
  it('the arbitrary makes valid rules (the validator agrees)', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        const { errors } = validateSequence(sequenceWith(rule));
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back every valid rule exactly, and the builder shows all of it', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        const part = readRule(rule);
        expect(writeRule(part)).toEqual(rule);
        for (const p of parts(part)) expect(p.kind).not.toMatch(/^(other|none)$/);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back any JSON at all, keeping what it can not show whole', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => {
        expect(writeRule(readRule(json))).toEqual(json);
      }),
    );
  });

  it('gives back rules with junk inside, the junk kept as it is', () => {
    const junk = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      validRule.map((r) => ({ ...(r as object), extra: 1 })),
      fc.record({ field: fc.integer(), op: fc.string() }),
      fc.record({ event: fc.string(), node: fc.integer() }),
    );
    const mixed = fc.array(fc.oneof(validRule, junk), { minLength: 0, maxLength: 4 });
    fc.assert(
      fc.property(mixed, fc.constantFrom('all', 'any'), (items, match) => {
        const rule = { not: { [match]: items } };
        expect(writeRule(readRule(rule))).toEqual(rule);
      }),
    );
  });

  it('reads the kinds of the format', () => {
    expect(readRule({ field: 'contact.tags', op: 'exists' })).toEqual({
      kind: 'field',
      field: 'contact.tags',
      op: 'exists',
      hasValue: false,
      value: undefined,
    });
    expect(readRule({ field: 'contact.name', op: 'eq', value: null })).toMatchObject({
      hasValue: true,
      value: null,
    });
    expect(readRule({ event: 'opened', node: 'welcome' })).toEqual({
      kind: 'event',
      event: 'opened',
      node: 'welcome',
    });
    expect(readRule(undefined)).toEqual({ kind: 'none' });
    // An unknown operator is still a test: the builder shows it and the validator names it.
    expect(readRule({ field: 'contact.name', op: 'startsWith', value: 'A' }).kind).toBe('field');
    // A typo makes it something the builder keeps whole.
    expect(readRule({ field: 'contact.name', op: 'eq', vaule: 'A' }).kind).toBe('other');
    expect(readRule({ all: [], any: [] }).kind).toBe('other');
  });

  it('stays bounded on rules nested far past the limit', () => {
    let deep: unknown = { event: 'opened' };
    for (let i = 0; i < 10_000; i++) deep = { not: deep };
    // The builder reads one level past what a rule may nest (to show the rule too deep) and
    // keeps the rest whole, as it is.
    let part = readRule(deep);
    let raw = deep as { not: unknown };
    let levels = 0;
    while (part.kind === 'not') {
      part = part.inner;
      raw = raw.not as { not: unknown };
      levels += 1;
    }
    expect(levels).toBe(LIMITS.ruleDepth + 1);
    expect(part).toEqual({ kind: 'other', raw: expect.anything() });
    expect(part.kind === 'other' && part.raw).toBe(raw);
  });
});
