import type { Position, SequenceNode } from '@nudge/schema';
import { STEP_SIZE } from '../canvas/layout.ts';
import { isPosition } from './read.ts';

/**
 * Where a new step goes, and where it is drawn. Steps already there are never moved to make
 * room (commands stay small; the canvas has Tidy up).
 */
export type Placement =
  /**
   * After a step, on that handle (by default its first free handle, else its first). An edge
   * already on the handle is re-pointed to the new step, which leads on to the old target.
   */
  | { after: string; handle?: string | null }
  /** Into an edge: its source leads to the new step, which leads to its old target. */
  | { onEdge: string }
  /** Unconnected, at a point of the canvas. */
  | { at: Position };

/** Down from a step's top to the next step's: a card and a gap. */
const ROW = STEP_SIZE.height + 48;
/** Across from one branch to the next: a card and a gap. */
const COLUMN = STEP_SIZE.width + 40;

/**
 * How far from the origin a step may be drawn: far beyond any real canvas, and small enough
 * that sums of positions (a paste's shift) never overflow to Infinity, which JSON can't hold.
 */
export const CANVAS_EXTENT = 1_000_000;

const coordinate = (n: number) =>
  Number.isNaN(n) ? 0 : Math.min(CANVAS_EXTENT, Math.max(-CANVAS_EXTENT, Math.round(n))) + 0; // + 0: no -0

/** A position in whole pixels (files diff cleanly), within the canvas's extent. */
export const rounded = (p: Position): Position => ({ x: coordinate(p.x), y: coordinate(p.y) });

/**
 * Below `step`, under its handle number `index` of `count` (branches spread left to right,
 * centred on the step). Undefined when the step has no position: the canvas lays it out.
 */
export function below(step: SequenceNode, index: number, count: number): Position | undefined {
  if (!isPosition(step.position)) return undefined;
  const offset = count > 1 ? (index - (count - 1) / 2) * COLUMN : 0;
  return rounded({ x: step.position.x + offset, y: step.position.y + ROW });
}

/** Halfway between two steps, when both have a position. */
export function between(a: SequenceNode, b: SequenceNode): Position | undefined {
  if (!isPosition(a.position) || !isPosition(b.position)) return undefined;
  return rounded({
    x: (a.position.x + b.position.x) / 2,
    y: (a.position.y + b.position.y) / 2,
  });
}
