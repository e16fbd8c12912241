import type { NodeType, Position, Sequence } from '@nudge/schema';
import { addStep, isRefusal, moveSteps, type Outcome, type Placement } from '../commands/index.ts';
import { findEdge, findStep, isObject, isPosition, stepsOf } from '../commands/read.ts';
import { insertionSpot, makeRoom } from './make-room.ts';

/**
 * Adding a step from the canvas (palette, step search, drop, menu): the addStep command, then
 * room made for the new step so it covers no other (make-room.ts). A step inserted into a
 * link is drawn between its two ends, or in the target's place with what follows moved down;
 * `position` (a drop on the canvas) overrides where it is drawn. Steps the file leaves to the
 * layout are first written where they are drawn. One edit: one undo step.
 */
export function insertStep(
  sequence: Sequence,
  type: NodeType,
  placement: Placement,
  position?: Position,
  /** Where the canvas draws steps the file gives no position (the layout placed them). */
  drawn?: ReadonlyMap<string, Position>,
): Outcome<{ stepId: string }> {
  const pinned = drawn ? pinDrawn(sequence, drawn) : sequence;
  const at = position ?? spotOnLink(pinned, placement);
  const added = addStep(pinned, type, placement, at);
  if (isRefusal(added)) return added;
  return { ...added, sequence: makeRoom(added.sequence, added.stepId) };
}

/**
 * Steps without a position get the one the canvas draws them at: a file laid out by the
 * canvas (positions are optional) otherwise gets its new step placed by the layout wherever
 * there is room, not under the step it follows, and nothing makes room for it.
 */
function pinDrawn(sequence: Sequence, drawn: ReadonlyMap<string, Position>): Sequence {
  const moves = stepsOf(sequence).flatMap((s) => {
    if (!isObject(s) || typeof s.id !== 'string' || isPosition(s.position)) return [];
    const position = drawn.get(s.id);
    return position ? [{ id: s.id, position }] : [];
  });
  if (moves.length === 0) return sequence;
  const moved = moveSteps(sequence, moves);
  return isRefusal(moved) ? sequence : moved.sequence;
}

function spotOnLink(sequence: Sequence, placement: Placement): Position | undefined {
  if (!('onEdge' in placement)) return undefined;
  const edge = findEdge(sequence, placement.onEdge);
  const source = edge && findStep(sequence, edge.source);
  const target = edge && findStep(sequence, edge.target);
  return source && target ? insertionSpot(source, target) : undefined;
}
