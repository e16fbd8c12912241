import {
  LIMITS,
  type Position,
  type Sequence,
  type SequenceEdge,
  type SequenceNode,
  sourceHandles,
} from '@nudge/schema';
import { type Clipboard, copySteps, isCopyable } from './clipboard.ts';
import { IdAllocator } from './ids.ts';
import { rounded } from './placement.ts';
import { reachesIn } from './reach.ts';
import {
  edgeIdSet,
  edgesOf,
  findStep,
  isObject,
  isPosition,
  newEdge,
  stepsOf,
  withLists,
} from './read.ts';
import { type Outcome, refuse } from './refusal.ts';
import { renameRuleSteps } from './rule-refs.ts';
import { takenStepIds } from './taken-ids.ts';

/** How far a paste without a point, or a duplicate, lands from the originals. */
export const PASTE_OFFSET: Position = { x: 40, y: 40 };

/**
 * Pastes steps: each gets a fresh id ('email-3'...), a deep copy of its data, and its place
 * shifted so that the group's top-left corner lands at `at` (else 40px down and right of
 * where they were). The edges between them are kept, with fresh ids, where the format allows
 * them, and rules naming a step pasted along name its copy; nothing is connected to the rest
 * of the sequence.
 */
export function pasteSteps(
  sequence: Sequence,
  clipboard: Clipboard,
  at?: Position,
): Outcome<{ stepIds: string[] }> {
  return pasteCopies(sequence, clipboard, (topLeft) =>
    isPosition(at) && topLeft ? { x: at.x - topLeft.x, y: at.y - topLeft.y } : PASTE_OFFSET,
  );
}

/** Copies and pastes steps in one go, `offset` from the originals; the entry is not copied. */
export function duplicateSteps(
  sequence: Sequence,
  stepIds: string[],
  offset: Position = PASTE_OFFSET,
): Outcome<{ stepIds: string[] }> {
  const clipboard = copySteps(sequence, stepIds);
  if (clipboard.nodes.length === 0) {
    const known = stepIds.map((id) => findStep(sequence, id)).filter((s) => s !== undefined);
    const [first] = known;
    if (!first) {
      const [id] = stepIds;
      return refuse('unknown_step', `there is no step "${id}"`, id ? { stepId: id } : {});
    }
    return first.type === 'entry' && known.every((s) => s.type === 'entry')
      ? refuse('entry_kept', `"${first.id}" is the entry: a sequence has only one`, {
          stepId: first.id,
        })
      : refuse('not_steps', `step "${first.id}" can't be copied: its type or data is unreadable`, {
          stepId: first.id,
        });
  }
  return pasteCopies(sequence, clipboard, () => (isPosition(offset) ? offset : PASTE_OFFSET));
}

function pasteCopies(
  sequence: Sequence,
  clipboard: Clipboard,
  shiftFor: (topLeft: Position | undefined) => Position,
): Outcome<{ stepIds: string[] }> {
  const copies = (Array.isArray(clipboard?.nodes) ? clipboard.nodes : []).filter(isCopyable);
  if (copies.length === 0) return refuse('not_steps', 'there are no steps to paste');
  const steps = stepsOf(sequence);
  if (steps.length + copies.length > LIMITS.nodes)
    return refuse(
      'too_many_steps',
      `pasting ${copies.length} steps would make ${steps.length + copies.length}; a sequence has at most ${LIMITS.nodes}`,
    );
  const ids = new IdAllocator(takenStepIds(sequence));
  const shift = shiftFor(topLeftOf(copies));
  // A repeated id on the clipboard: its edges (and rules naming it) go to the first step with it.
  const newIds = copies.map((copy) => ids.step(copy.type));
  const renamedIds = new Map<string, string>();
  copies.forEach((copy, i) => {
    if (!renamedIds.has(copy.id)) renamedIds.set(copy.id, newIds[i] as string);
  });
  const renamed = new Map<string, SequenceNode>();
  const pasted = copies.map((copy, i) => {
    const position = isPosition(copy.position)
      ? rounded({ x: copy.position.x + shift.x, y: copy.position.y + shift.y })
      : undefined;
    const step = {
      id: newIds[i] as string,
      type: copy.type,
      ...(position ? { position } : {}),
      data: structuredClone(copy.data),
    } as SequenceNode;
    // The data is this step's own copy: renaming in it changes nothing else.
    renameRuleSteps(step, (id) => renamedIds.get(id));
    if (!renamed.has(copy.id)) renamed.set(copy.id, step);
    return step;
  });
  const edges = pastedEdges(sequence, clipboard, renamed);
  return {
    sequence: withLists(sequence, [...steps, ...pasted], [...edgesOf(sequence), ...edges]),
    stepIds: pasted.map((s) => s.id),
  };
}

/**
 * The clipboard's edges between pasted steps, by the format's rules: only handles the step
 * has, one edge per handle, no loops. (A clipboard from a broken file may break them.)
 */
function pastedEdges(
  sequence: Sequence,
  clipboard: Clipboard,
  renamed: Map<string, SequenceNode>,
): SequenceEdge[] {
  const ids = new IdAllocator(edgeIdSet(sequence));
  const used = new Set<string>();
  const next = new Map<string, string[]>();
  const edges: SequenceEdge[] = [];
  for (const e of Array.isArray(clipboard.edges) ? clipboard.edges : []) {
    if (!isObject(e)) continue;
    const source = renamed.get(e.source);
    const target = renamed.get(e.target);
    if (!source || !target || source === target) continue;
    const handle = typeof e.sourceHandle === 'string' ? e.sourceHandle : null;
    const key = `${source.id}\u0000${handle ?? ''}`;
    if (!sourceHandles(source).includes(handle) || used.has(key)) continue;
    if (reachesIn(next, target.id, source.id)) continue;
    used.add(key);
    const list = next.get(source.id);
    if (list) list.push(target.id);
    else next.set(source.id, [target.id]);
    edges.push(newEdge(ids.edge(), source.id, handle, target.id));
  }
  return edges;
}

function topLeftOf(steps: SequenceNode[]): Position | undefined {
  const placed = steps.map((s) => s.position).filter(isPosition);
  if (placed.length === 0) return undefined;
  return {
    x: Math.min(...placed.map((p) => p.x)),
    y: Math.min(...placed.map((p) => p.y)),
  };
}
