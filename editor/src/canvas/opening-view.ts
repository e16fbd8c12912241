import type { Edge, Node, Rect, Viewport } from '@xyflow/react';
import { STEP_SIZE } from './layout.ts';

/**
 * Past this many steps a sequence is large: it opens at its beginning, where a person starts
 * reading it, rather than fitted whole (200 cards fitted on a laptop's screen are too small to
 * read, and drawing 2,000 at once froze the page for over a second, bench:editor), and only the
 * steps in view are drawn. The minimap shows the whole, and Fit view (Shift+1) is a key away.
 */
export const LARGE_SEQUENCE = 200;
/** How many steps of the beginning the view opens on: the entry and what follows it. */
export const OPENING_STEPS = 8;
/** The zooms it opens between: a card's text stays readable, and no larger than life. */
export const OPENING_ZOOM = { min: 0.6, max: 1 } as const;
/** Space above the area, on the screen: the first card is not flush with the toolbar. */
const TOP_MARGIN = 48;

/**
 * The area of the canvas a large sequence opens on: the entry steps and the first steps after
 * them (breadth first along the links), as drawn at their positions. Without an entry, the
 * top-most step. Nothing when there are no steps.
 */
export function openingArea(
  nodes: ReadonlyArray<Pick<Node, 'id' | 'position' | 'type'>>,
  edges: ReadonlyArray<Pick<Edge, 'source' | 'target'>>,
  count = OPENING_STEPS,
): Rect | undefined {
  if (nodes.length === 0) return undefined;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const entries = nodes.filter((n) => n.type === 'entry');
  const top = nodes.reduce((a, b) => (b.position.y < a.position.y ? b : a));
  const queue = (entries.length > 0 ? entries : [top]).map((n) => n.id);
  const chosen = new Set<string>();
  for (let i = 0; i < queue.length && chosen.size < count; i++) {
    const id = queue[i] as string;
    if (chosen.has(id) || !byId.has(id)) continue;
    chosen.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const id of chosen) {
    const { x, y } = (byId.get(id) as Pick<Node, 'position'>).position;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + STEP_SIZE.width);
    maxY = Math.max(maxY, y + STEP_SIZE.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The view of `area` on a pane of this size: the area whole if it fits at a readable zoom,
 * else its top at that zoom (the beginning is what matters); centred across.
 */
export function openingViewport(area: Rect, pane: { width: number; height: number }): Viewport {
  const fits = Math.min(
    pane.width / (area.width + 2 * TOP_MARGIN),
    pane.height / (area.height + 2 * TOP_MARGIN),
  );
  const zoom = Math.min(OPENING_ZOOM.max, Math.max(OPENING_ZOOM.min, fits));
  return {
    x: pane.width / 2 - (area.x + area.width / 2) * zoom,
    y: TOP_MARGIN - area.y * zoom,
    zoom,
  };
}
