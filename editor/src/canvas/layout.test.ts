import { afterEach, describe, expect, it } from 'vitest';
import { layered, layoutSteps, overlaps } from './layout.ts';

const chain = (ids: string[]) =>
  ids.slice(1).map((id, i) => ({ source: ids[i] as string, target: id }));

function expectNoOverlap(positions: Map<string, { x: number; y: number }>) {
  const all = [...positions.entries()];
  const overlapping: string[] = [];
  for (const [i, [a, pa]] of all.entries())
    for (const [b, pb] of all.slice(i + 1)) if (overlaps(pa, pb)) overlapping.push(`${a}/${b}`);
  expect(overlapping).toEqual([]);
}

describe('layoutSteps', () => {
  it('places every step top to bottom along the links', () => {
    const ids = ['start', 'a', 'b', 'c'];
    const positions = layoutSteps(
      ids.map((id) => ({ id })),
      chain(ids),
    );
    const ys = ids.map((id) => positions.get(id)?.y as number);
    expect(ys).toEqual([...ys].sort((x, y) => x - y));
    expect(new Set(ys).size).toBe(4);
    expectNoOverlap(positions);
  });

  it('keeps given positions and places the others without overlapping any step', () => {
    const steps = [
      { id: 'start', position: { x: 0, y: 0 } },
      { id: 'a' },
      { id: 'b', position: { x: 0, y: 300 } },
      { id: 'c' },
      { id: 'd' },
    ];
    const links = [...chain(['start', 'a', 'b', 'c']), { source: 'b', target: 'd' }];
    const positions = layoutSteps(steps, links);
    expect(positions.get('start')).toEqual({ x: 0, y: 0 });
    expect(positions.get('b')).toEqual({ x: 0, y: 300 });
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'start']);
    expectNoOverlap(positions);
  });

  it('moves a placed step aside when its computed spot is taken', () => {
    // "a" would land right where the author put "x".
    const steps = [
      { id: 'start', position: { x: 0, y: 0 } },
      { id: 'a' },
      { id: 'x', position: { x: 0, y: 184 } },
    ];
    const positions = layoutSteps(steps, chain(['start', 'a']));
    expectNoOverlap(positions);
  });

  it('lays out everything afresh when asked, ignoring given positions', () => {
    const steps = [
      { id: 'start', position: { x: 5000, y: 5000 } },
      { id: 'a', position: { x: -40, y: 9 } },
    ];
    const positions = layoutSteps(steps, chain(['start', 'a']), { everything: true });
    expect(positions.get('start')).not.toEqual({ x: 5000, y: 5000 });
    expect(positions.get('a')?.y).toBeGreaterThan(positions.get('start')?.y as number);
  });

  it('orders branches as their handles are ordered', () => {
    const steps = ['check', 'yes-step', 'no-step'].map((id) => ({ id }));
    // Links listed "no" first: the layout must still put the yes branch on the left.
    const links = [
      { source: 'check', target: 'no-step', handleIndex: 1 },
      { source: 'check', target: 'yes-step', handleIndex: 0 },
    ];
    const positions = layoutSteps(steps, links);
    expect(positions.get('yes-step')?.x).toBeLessThan(positions.get('no-step')?.x as number);
  });

  it('survives links that form a cycle (an invalid file)', () => {
    const positions = layoutSteps(
      ['a', 'b'].map((id) => ({ id })),
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
        { source: 'a', target: 'a' },
      ],
    );
    expect(positions.size).toBe(2);
    expectNoOverlap(positions);
  });
});

describe('ids that are names of Object.prototype', () => {
  const before = Object.getOwnPropertyNames(Object.prototype);
  // Were the prototype polluted, the rest of the run would be too: put it back.
  afterEach(() => {
    for (const key of Object.getOwnPropertyNames(Object.prototype))
      if (!before.includes(key)) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it('lays them out like any other ids, and leaves Object.prototype alone', () => {
    // Valid ids ([A-Za-z0-9_-]{1,64}) that a plain object keyed by id would trip on.
    const ids = ['polluted', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const links = [...chain(ids), { source: 'polluted', target: 'toString', handleIndex: 1 }];
    const positions = layoutSteps(
      ids.map((id) => ({ id })),
      links,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
    expect([...positions.keys()]).toEqual(expect.arrayContaining(ids));
    expect(positions.size).toBe(ids.length);
    const ys = ids.map((id) => positions.get(id)?.y as number);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expectNoOverlap(positions);
  });
});

describe('layered (large sequences)', () => {
  it('lays out thousands of steps quickly, in ranks, without overlap', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `n${i}`);
    // A long chain with a side branch every tenth step: dagre's recursion can't take this.
    const links = [
      ...chain(ids),
      ...ids.filter((_, i) => i % 10 === 5).map((id, i) => ({ source: id, target: `side${i}` })),
    ];
    const steps = [...ids, ...ids.filter((_, i) => i % 10 === 5).map((_, i) => `side${i}`)].map(
      (id) => ({ id }),
    );
    const started = performance.now();
    const positions = layoutSteps(steps, links);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(positions.size).toBe(steps.length);
    expect(positions.get('n1')?.y).toBeGreaterThan(positions.get('n0')?.y as number);
    expect(positions.get('side0')?.y).toBe(positions.get('n6')?.y);
    expectNoOverlap(positions);
  });

  it('places steps on a cycle below the rest', () => {
    const positions = layered(
      ['start', 'a', 'b'].map((id) => ({ id })),
      [
        { source: 'start', target: 'a' },
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
    );
    expect(positions.size).toBe(3);
    expectNoOverlap(positions);
  });
});
