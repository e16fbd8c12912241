import { describe, expect, it } from 'vitest';
import { STEP_SIZE } from './layout.ts';
import { OPENING_ZOOM, openingArea, openingViewport } from './opening-view.ts';

const at = (id: string, x: number, y: number, type = 'email') => ({
  id,
  type,
  position: { x, y },
});
const link = (source: string, target: string) => ({ source, target });

describe('openingArea', () => {
  it('covers the entry and the first steps after it, breadth first, at their positions', () => {
    const nodes = [
      at('far', 9000, 9000),
      at('start', 100, 0, 'entry'),
      at('a', 0, 200),
      at('b', 400, 200),
      at('c', 0, 400),
    ];
    const edges = [link('start', 'a'), link('start', 'b'), link('a', 'c'), link('c', 'far')];
    expect(openingArea(nodes, edges, 3)).toEqual({
      x: 0,
      y: 0,
      width: 400 + STEP_SIZE.width,
      height: 200 + STEP_SIZE.height,
    });
  });

  it('starts from the top-most step when there is no entry, and stops at loops', () => {
    const nodes = [at('low', 0, 500), at('high', 50, -100)];
    const edges = [link('high', 'high'), link('high', 'low'), link('low', 'high')];
    expect(openingArea(nodes, edges, 1)).toEqual({
      x: 50,
      y: -100,
      ...{ width: STEP_SIZE.width, height: STEP_SIZE.height },
    });
    expect(openingArea(nodes, edges)?.height).toBe(600 + STEP_SIZE.height);
  });

  it('is nothing for no steps', () => {
    expect(openingArea([], [])).toBeUndefined();
  });
});

describe('openingViewport', () => {
  const pane = { width: 1200, height: 800 };

  it('shows a small area whole, no larger than life, centred across', () => {
    const view = openingViewport({ x: 100, y: 50, width: 260, height: 112 }, pane);
    expect(view.zoom).toBe(1);
    expect(view.x + (100 + 130) * view.zoom).toBe(600);
    expect(view.y + 50 * view.zoom).toBe(48);
  });

  it('shows the top of a tall area at a readable zoom', () => {
    const view = openingViewport({ x: 0, y: 0, width: 900, height: 5000 }, pane);
    expect(view.zoom).toBe(OPENING_ZOOM.min);
    expect(view.y).toBe(48);
  });
});
