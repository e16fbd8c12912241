import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { branchId, branchIndex, nextBranchId } from './branch-ids.ts';

describe('split branch ids', () => {
  it('go a, b, ... z, aa, ab', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(branchId)).toEqual([
      'a',
      'b',
      'z',
      'aa',
      'ab',
      'zz',
      'aaa',
    ]);
  });

  it('read back to their place', () => {
    fc.assert(
      fc.property(fc.nat(100_000), (n) => {
        expect(branchIndex(branchId(n))).toBe(n);
      }),
    );
  });

  it('a new branch never takes an id in use or one given before the last', () => {
    expect(nextBranchId(['a', 'b'])).toBe('c');
    // b was removed: its old links must not come back to a new branch.
    expect(nextBranchId(['a', 'c'])).toBe('d');
    expect(nextBranchId([])).toBe('a');
    expect(nextBranchId(['control', 'variant-1'])).toBe('a');
    expect(nextBranchId(['z'])).toBe('aa');
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9-]{1,4}$/)), (ids) => {
        expect(ids).not.toContain(nextBranchId(ids));
      }),
    );
  });
});
