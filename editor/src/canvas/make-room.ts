import type { Position, Sequence, SequenceNode } from '@nudge/schema';
import { moveSteps } from '../commands/index.ts';
import { edgesOf, isObject, isPosition, stepsOf } from '../commands/read.ts';
import { overlaps, STEP_SIZE } from './layout.ts';

/**
 * Room for a step just added on the canvas. The commands never move other steps (they stay
 * small; Tidy up lays everything out), so a step inserted between two others would be drawn
 * on top of them. Here, steps it covers that come after it move down, together with every
 * step after them, keeping their shape; if it still covers a step (one on another branch),
 * it moves right until it covers none. Steps without a position are left to the layout.
 */

/** The space between a step and the next one down, as commands place them (placement.ts). */
export const ROW_GAP = 48;
const COLUMN_GAP = 40;

export function makeRoom(sequence: Sequence, stepId: string): Sequence {
  const added = placedStep(sequence, stepId);
  if (!added) return sequence;
  const at = added.position as Position;
  const others = stepsOf(sequence).filter(
    (s): s is SequenceNode & { position: Position } => s !== added && isPosition(s?.position),
  );
  const after = downstream(sequence, stepId);
  const covered = others.filter((s) => after.has(s.id) && overlaps(s.position, at));
  let next = sequence;
  if (covered.length > 0) {
    const top = Math.min(...covered.map((s) => s.position.y));
    const down = at.y + STEP_SIZE.height + ROW_GAP - top;
    const moves = others
      .filter((s) => after.has(s.id))
      .map((s) => ({ id: s.id, position: { x: s.position.x, y: s.position.y + down } }));
    const moved = moveSteps(next, moves);
    if ('sequence' in moved) next = moved.sequence;
  }
  const settled = stepsOf(next).filter(
    (s): s is SequenceNode & { position: Position } =>
      isObject(s) && s.id !== stepId && isPosition(s.position),
  );
  const spot = { ...at };
  for (let hit = firstCovered(settled, spot); hit; hit = firstCovered(settled, spot))
    spot.x = hit.position.x + STEP_SIZE.width + COLUMN_GAP;
  if (spot.x === at.x) return next;
  const moved = moveSteps(next, [{ id: stepId, position: spot }]);
  return 'sequence' in moved ? moved.sequence : next;
}

/**
 * Where a step inserted into a link from `source` to `target` is drawn: halfway when it fits
 * there without covering either, else in the target's place (makeRoom then moves the target
 * and what follows it down a row).
 */
export function insertionSpot(source: SequenceNode, target: SequenceNode): Position | undefined {
  if (!isPosition(source.position) || !isPosition(target.position)) return undefined;
  const halfway = {
    x: Math.round((source.position.x + target.position.x) / 2),
    y: Math.round((source.position.y + target.position.y) / 2),
  };
  if (!overlaps(halfway, source.position) && !overlaps(halfway, target.position)) return halfway;
  return {
    x: target.position.x,
    y: Math.max(target.position.y, source.position.y + STEP_SIZE.height + ROW_GAP),
  };
}

function placedStep(sequence: Sequence, id: string): SequenceNode | undefined {
  const step = stepsOf(sequence).find((s) => isObject(s) && s.id === id);
  return step && isPosition(step.position) ? step : undefined;
}

function firstCovered<T extends { position: Position }>(steps: T[], at: Position): T | undefined {
  return steps.find((s) => overlaps(s.position, at));
}

/** The steps reachable from `id` by links, not counting itself. */
function downstream(sequence: Sequence, id: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edgesOf(sequence)) {
    if (!isObject(e) || typeof e.source !== 'string' || typeof e.target !== 'string') continue;
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  }
  const seen = new Set<string>();
  const queue = [...(next.get(id) ?? [])];
  while (queue.length > 0) {
    const step = queue.pop() as string;
    if (step === id || seen.has(step)) continue;
    seen.add(step);
    queue.push(...(next.get(step) ?? []));
  }
  return seen;
}
