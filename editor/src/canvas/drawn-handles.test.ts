import { describe, expect, it } from 'vitest';
import { drawnHandles } from './drawn-handles.ts';
import { STEP_SIZE } from './layout.ts';

const none = { sources: [], target: false };
const middle = (h: { x: number; width?: number }) => h.x + (h.width ?? 0) / 2;

describe('drawnHandles', () => {
  it('puts the way in at the top middle and one way out at the bottom middle', () => {
    const [into, out] = drawnHandles({ type: 'email', data: {} }, none);
    expect(into).toMatchObject({ type: 'target', position: 'top' });
    expect(middle(into as { x: number })).toBe(STEP_SIZE.width / 2);
    expect(out).toMatchObject({ type: 'source', position: 'bottom' });
    expect(out).not.toHaveProperty('id');
    expect(middle(out as { x: number })).toBe(STEP_SIZE.width / 2);
  });

  it('spreads branches in equal columns, in order, strays last', () => {
    const handles = drawnHandles(
      { type: 'condition', data: {} },
      { sources: ['oops'], target: false },
    );
    const ways = handles.filter((h) => h.type === 'source');
    expect(ways.map((h) => h.id)).toEqual(['yes', 'no', 'oops']);
    const column = STEP_SIZE.width / 3;
    expect(ways.map(middle)).toEqual([column / 2, column * 1.5, column * 2.5]);
  });

  it('gives the entry no way in unless a link goes there, and an exit no way out', () => {
    expect(drawnHandles({ type: 'entry', data: {} }, none).map((h) => h.type)).toEqual(['source']);
    expect(
      drawnHandles({ type: 'entry', data: {} }, { sources: [], target: true }).map((h) => h.type),
    ).toEqual(['target', 'source']);
    expect(drawnHandles({ type: 'exit', data: {} }, none).map((h) => h.type)).toEqual(['target']);
  });

  it('is worked out again only when the step or its stray links change', () => {
    const data = {
      branches: [
        { id: 'a', weight: 50 },
        { id: 'b', weight: 50 },
      ],
    };
    const first = drawnHandles({ type: 'split', data }, none);
    expect(drawnHandles({ type: 'split', data }, { sources: [], target: false })).toBe(first);
    expect(drawnHandles({ type: 'split', data }, { sources: ['c'], target: false })).toHaveLength(
      first.length + 1,
    );
    const more = { branches: [...data.branches, { id: 'c', weight: 0 }] };
    expect(drawnHandles({ type: 'split', data: more }, none).map((h) => h.id)).toEqual([
      undefined,
      'a',
      'b',
      'c',
    ]);
  });
});
