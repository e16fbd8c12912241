import { type NodeHandle, Position } from '@xyflow/react';
import { acceptsEdges, type FileStep, handlesOf } from '../sequence/file.ts';
import type { StrayHandles } from './flow-types.ts';
import { STEP_SIZE } from './layout.ts';

/** The handles' size in step.css. */
const HANDLE = 10;

/**
 * Where a step card's handles will be (steps/StepNode.tsx, step.css), before the card is
 * drawn: the way in at the middle of the top edge, the ways out in equal columns along the
 * bottom, on a card of the usual size.
 *
 * React Flow draws every card once to measure its handles unless it is told where they are:
 * 2,000 cards drawn on opening the largest file, when 10 are on screen. Told, it draws only what
 * is in view (links to cards off-screen end at these places). A card's measured handles replace
 * these once it is drawn (the store drops them then).
 */
export function drawnHandles(
  step: Pick<FileStep, 'type' | 'data'>,
  stray: StrayHandles,
): NodeHandle[] {
  // Worked out again only when the step's data changes: this runs for every step on every edit.
  const key = typeof step.data === 'object' && step.data !== null ? step.data : undefined;
  const kept = key && known.get(key);
  if (
    kept &&
    kept.type === step.type &&
    kept.target === stray.target &&
    sameList(kept.sources, stray.sources)
  )
    return kept.handles;
  const handles = placeHandles(step, stray);
  if (key)
    known.set(key, { type: step.type, target: stray.target, sources: stray.sources, handles });
  return handles;
}

const known = new WeakMap<
  object,
  { type: string; target: boolean; sources: Array<string | null>; handles: NodeHandle[] }
>();

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function placeHandles(step: Pick<FileStep, 'type' | 'data'>, stray: StrayHandles): NodeHandle[] {
  const handles: NodeHandle[] = [];
  const edge = (x: number, y: number) => ({ x: x - HANDLE / 2, y: y - HANDLE / 2 });
  if (acceptsEdges(step) || stray.target)
    handles.push({
      type: 'target',
      position: Position.Top,
      ...edge(STEP_SIZE.width / 2, 0),
      width: HANDLE,
      height: HANDLE,
    });
  const ways = [...handlesOf(step), ...stray.sources];
  const column = STEP_SIZE.width / Math.max(1, ways.length);
  ways.forEach((id, i) => {
    handles.push({
      type: 'source',
      position: Position.Bottom,
      ...(id === null ? {} : { id }),
      ...edge(column * (i + 0.5), STEP_SIZE.height),
      width: HANDLE,
      height: HANDLE,
    });
  });
  return handles;
}
