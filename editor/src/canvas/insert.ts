import type { NodeType, Position, Sequence } from '@nudge/schema';
import { addStep, isRefusal, type Outcome, type Placement } from '../commands/index.ts';
import { findEdge, findStep } from '../commands/read.ts';
import { insertionSpot, makeRoom } from './make-room.ts';

/**
 * Adding a step from the canvas (palette, step search, drop, menu): the addStep command, then
 * room made for the new step so it covers no other (make-room.ts). A step inserted into a
 * link is drawn between its two ends, or in the target's place with what follows moved down;
 * `position` (a drop on the canvas) overrides where it is drawn. One edit: one undo step.
 */
export function insertStep(
  sequence: Sequence,
  type: NodeType,
  placement: Placement,
  position?: Position,
): Outcome<{ stepId: string }> {
  const at = position ?? spotOnLink(sequence, placement);
  const added = addStep(sequence, type, placement, at);
  if (isRefusal(added)) return added;
  return { ...added, sequence: makeRoom(added.sequence, added.stepId) };
}

function spotOnLink(sequence: Sequence, placement: Placement): Position | undefined {
  if (!('onEdge' in placement)) return undefined;
  const edge = findEdge(sequence, placement.onEdge);
  const source = edge && findStep(sequence, edge.source);
  const target = edge && findStep(sequence, edge.target);
  return source && target ? insertionSpot(source, target) : undefined;
}
