import type { Position, Sequence, SequenceNode } from '@nudge/schema';
import { STEP_KEYS, withKey } from './keys.ts';
import { rounded } from './placement.ts';
import { idOf, isPosition, stepsOf, withLists } from './read.ts';
import { type Outcome, refuse } from './refusal.ts';

/**
 * Moves steps to new positions, rounded to whole pixels (so files diff cleanly). Steps that
 * don't move stay the same objects; unknown ids and positions that are not numbers are
 * skipped, and refused only when nothing is left.
 */
export function moveSteps(
  sequence: Sequence,
  moves: Array<{ id: string; position: Position }>,
): Outcome {
  const wanted = new Map<string, Position>();
  for (const move of moves)
    if (isPosition(move.position)) wanted.set(move.id, rounded(move.position));
  if (wanted.size === 0) return { sequence };
  const steps = stepsOf(sequence);
  const seen = new Set<string>();
  let changed = false;
  const next = steps.map((step) => {
    const id = idOf(step);
    // The first step with an id is the one moved; a repeated id is a step of its own.
    if (id === undefined || seen.has(id)) return step;
    seen.add(id);
    const to = wanted.get(id);
    if (!to) return step;
    const from = step.position;
    if (isPosition(from) && from.x === to.x && from.y === to.y) return step;
    changed = true;
    return withKey(step, 'position', to, STEP_KEYS) as SequenceNode;
  });
  if (!changed && ![...wanted.keys()].some((id) => seen.has(id))) {
    const [id] = wanted.keys();
    return refuse('unknown_step', `there is no step "${id}"`, { stepId: id as string });
  }
  return { sequence: changed ? withLists(sequence, next, sequence.edges) : sequence };
}
