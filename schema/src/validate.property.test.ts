import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from './problem.ts';
import { validSequence } from './testing/sequences.ts';
import { validateSequence } from './validate.ts';

/* Mutations: replace, delete or duplicate any value anywhere in a valid file. */

type Json = unknown;

function paths(
  value: Json,
  at: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
) {
  out.push(at);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) paths(v, [...at, i], out);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function mutate(
  file: Json,
  pick: number,
  how: 'replace' | 'delete' | 'duplicate',
  replacement: Json,
): Json {
  const copy = structuredClone(file);
  const all = paths(copy);
  const target = all[pick % all.length] as Array<string | number>;
  if (target.length === 0) return how === 'replace' ? replacement : copy;
  let parent = copy as Record<string | number, Json>;
  for (const token of target.slice(0, -1)) parent = parent[token] as Record<string | number, Json>;
  const key = target[target.length - 1] as string | number;
  if (how === 'replace') parent[key] = replacement;
  else if (Array.isArray(parent))
    parent.splice(
      Number(key),
      how === 'delete' ? 1 : 0,
      ...(how === 'duplicate' ? [structuredClone(parent[Number(key)])] : []),
    );
  else if (how === 'delete') delete parent[key];
  else parent[`${key}_copy`] = structuredClone(parent[key]);
  return copy;
}

function expectWellFormed(result: ReturnType<typeof validateSequence>) {
  expect(result.ok).toBe(result.errors.length === 0);
  for (const p of [...result.errors, ...result.warnings]) {
    expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
    expect(p.pointer === '' || p.pointer.startsWith('/')).toBe(true);
    expect(typeof p.message).toBe('string');
    if (p.nodeId !== undefined) expect(typeof p.nodeId).toBe('string');
  }
}

describe('validateSequence, on random input', () => {
  it('accepts random valid graphs of every node type, and so does a JSON round trip of them', () => {
    fc.assert(
      fc.property(validSequence, (sequence) => {
        const result = validateSequence(sequence);
        expect(result.errors).toEqual([]);
        expect(result.warnings.filter((w) => w.code !== 'unconnected_handle')).toEqual([]);
        const again = validateSequence(JSON.parse(JSON.stringify(sequence)));
        expect(again).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on a mutated valid file, and always answers in its documented shape', () => {
    fc.assert(
      fc.property(
        validSequence,
        fc.nat(),
        fc.constantFrom('replace', 'delete', 'duplicate' as const),
        fc.jsonValue({ maxDepth: 3 }),
        (sequence, pick, how, replacement) => {
          expectWellFormed(validateSequence(mutate(sequence, pick, how, replacement)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectWellFormed(validateSequence(value))),
      { numRuns: 300 },
    );
  });
});
