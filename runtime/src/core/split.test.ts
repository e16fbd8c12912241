import type { NodeData } from '@nudge/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseBranch, unitHash } from './split.ts';

const split = (...weights: number[]): NodeData<'split'> => ({
  branches: weights.map((weight, i) => ({ id: `b${i}`, weight })),
});

describe('chooseBranch', () => {
  it('is deterministic for an enrollment and a node', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (enrollment, node) => {
        const data = split(30, 70);
        expect(chooseBranch(data, enrollment, node)).toBe(chooseBranch(data, enrollment, node));
      }),
    );
  });

  it('shares enrollees by weight', () => {
    const counts = new Map<string, number>();
    const data = split(20, 30, 50);
    for (let i = 0; i < 20000; i++) {
      const branch = chooseBranch(data, `enrollment-${i}`, 'ab');
      counts.set(branch, (counts.get(branch) ?? 0) + 1);
    }
    expect((counts.get('b0') ?? 0) / 20000).toBeCloseTo(0.2, 1);
    expect((counts.get('b1') ?? 0) / 20000).toBeCloseTo(0.3, 1);
    expect((counts.get('b2') ?? 0) / 20000).toBeCloseTo(0.5, 1);
  });

  it('never picks a branch of weight 0 while another has weight', () => {
    fc.assert(
      fc.property(fc.string(), (enrollment) => {
        expect(chooseBranch(split(0, 100, 0), enrollment, 'n')).toBe('b1');
      }),
    );
  });

  it('shares equally when every weight is 0', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(chooseBranch(split(0, 0), `e${i}`, 'n'));
    expect(seen).toEqual(new Set(['b0', 'b1']));
  });

  it('depends on the node, so two splits of one enrollment are independent', () => {
    let same = 0;
    for (let i = 0; i < 2000; i++)
      if (
        chooseBranch(split(50, 50), `e${i}`, 'first') ===
        chooseBranch(split(50, 50), `e${i}`, 'second')
      )
        same++;
    expect(same / 2000).toBeCloseTo(0.5, 1);
  });
});

describe('unitHash', () => {
  it('stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const h = unitHash(text);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThan(1);
      }),
    );
  });

  it('is stable across releases (enrollees keep their branch)', () => {
    expect(unitHash('enrollment-1\u0000ab')).toMatchInlineSnapshot(`0.12840497842989862`);
  });
});
