import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../sequence/examples.ts';
import type { SequenceFile } from '../sequence/file.ts';
import { overlaps, STEP_SIZE, separateSteps } from './layout.ts';
import { toFlow } from './to-flow.ts';

/** Pairs of cards (by canvas id) whose STEP_SIZE rectangles intersect where the canvas draws them. */
function coveringPairs(file: SequenceFile): string[] {
  const { nodes } = toFlow(file, []);
  const pairs: string[] = [];
  nodes.forEach((a, i) => {
    for (const b of nodes.slice(i + 1))
      if (overlaps(a.position, b.position)) pairs.push(`${a.id}/${b.id}`);
  });
  return pairs;
}

describe('cards never overlap where the canvas draws them', () => {
  it.each(EXAMPLES.map((e) => [e.fileName, e.sequence] as const))('in %s', (_, sequence) => {
    expect(coveringPairs(structuredClone(sequence) as SequenceFile)).toEqual([]);
  });

  it('in a file that puts steps on top of each other; the file keeps its positions', () => {
    const file = {
      format: 'nudge.sequence/v1',
      name: 'Stacked',
      nodes: [
        { id: 'start', type: 'entry', position: { x: 0, y: 0 }, data: { triggers: [] } },
        { id: 'a', type: 'delay', position: { x: 0, y: 0 }, data: { amount: 1, unit: 'days' } },
        { id: 'b', type: 'delay', position: { x: 100, y: 60 }, data: { amount: 1, unit: 'days' } },
        { id: 'c', type: 'exit', data: {} },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
        { id: 'e3', source: 'b', target: 'c' },
      ],
    };
    const before = structuredClone(file);
    expect(coveringPairs(file)).toEqual([]);
    expect(file).toEqual(before);
    // The first keeps its place; the others move right, clear of it.
    const drawn = new Map(toFlow(file, []).nodes.map((n) => [n.id, n.position]));
    expect(drawn.get('start')).toEqual({ x: 0, y: 0 });
    expect(drawn.get('a')?.y).toBe(0);
    expect(drawn.get('a')?.x).toBeGreaterThanOrEqual(STEP_SIZE.width);
  });

  it('in a 500-step file with every step at the same place', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => ({
      id: `s${i}`,
      type: 'delay',
      position: { x: 0, y: 0 },
      data: { amount: 1, unit: 'days' },
    }));
    expect(coveringPairs({ format: 'nudge.sequence/v1', name: 'Heap', nodes, edges: [] })).toEqual(
      [],
    );
  });
});

describe('separateSteps', () => {
  it('keeps every position that is already clear, the same objects', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 0, y: STEP_SIZE.height };
    const c = { x: STEP_SIZE.width, y: 0 };
    const result = separateSteps(
      ['a', 'b', 'c'],
      new Map([
        ['a', a],
        ['b', b],
        ['c', c],
      ]),
    );
    expect(result.get('a')).toBe(a);
    expect(result.get('b')).toBe(b);
    expect(result.get('c')).toBe(c);
  });

  it('moves a later step that covers an earlier one to its right', () => {
    const result = separateSteps(
      ['a', 'b'],
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 10, y: 20 }],
      ]),
    );
    expect(result.get('a')).toEqual({ x: 0, y: 0 });
    expect(result.get('b')?.y).toBe(20);
    expect(overlaps(result.get('a') as never, result.get('b') as never)).toBe(false);
  });
});
