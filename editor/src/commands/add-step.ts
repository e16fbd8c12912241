import {
  LIMITS,
  type NodeType,
  type Position,
  type Sequence,
  type SequenceEdge,
  sourceHandles,
} from '@nudge/schema';
import { defaultData } from './default-data.ts';
import { IdAllocator } from './ids.ts';
import { outlet } from './link-rules.ts';
import { newStep } from './new-step.ts';
import { below, between, type Placement, rounded } from './placement.ts';
import {
  edgeIdSet,
  edgesOf,
  findEdge,
  findStep,
  handleOf,
  isPosition,
  newEdge,
  stepsOf,
  withLists,
} from './read.ts';
import { type Outcome, type Refusal, refuse } from './refusal.ts';
import { takenStepIds } from './taken-ids.ts';

/**
 * Adds a step of `type` with its default data: after a step, into an edge, or unconnected.
 * `position` (where it was dropped, say) overrides where the placement would draw it.
 */
export function addStep(
  sequence: Sequence,
  type: NodeType,
  placement: Placement,
  position?: Position,
): Outcome<{ stepId: string }> {
  const steps = stepsOf(sequence);
  if (steps.length >= LIMITS.nodes)
    return refuse(
      'too_many_steps',
      `a sequence has at most ${LIMITS.nodes} steps, and this one has ${steps.length}`,
    );
  if (type === 'entry') {
    const entry = steps.find((s) => s?.type === 'entry');
    if (entry)
      return refuse(
        'entry_kept',
        `the sequence already has an entry, "${entry.id}": add triggers to it instead`,
        { stepId: entry.id },
      );
  }
  const stepId = new IdAllocator(takenStepIds(sequence)).step(type);
  const at = isPosition(position) ? rounded(position) : undefined;
  const placed =
    'after' in placement
      ? afterStep(sequence, type, stepId, placement)
      : 'onEdge' in placement
        ? intoEdge(sequence, type, stepId, placement.onEdge)
        : isPosition(placement.at)
          ? { edges: edgesOf(sequence), position: rounded(placement.at) }
          : { edges: edgesOf(sequence) };
  if ('refused' in placed) return placed;
  const step = newStep(stepId, type, at ?? placed.position);
  return { sequence: withLists(sequence, [...steps, step], placed.edges), stepId };
}

interface Placed {
  edges: SequenceEdge[];
  position?: Position;
}

function afterStep(
  sequence: Sequence,
  type: NodeType,
  stepId: string,
  placement: { after: string; handle?: string | null },
): Placed | Refusal {
  const from = outlet(sequence, placement.after, placement.handle);
  if ('refused' in from) return from;
  if (type === 'entry') return intoEntry();
  const edges = edgesOf(sequence);
  const position = below(from.step, from.handles.indexOf(from.handle), from.handles.length);
  const where = position ? { position } : {};
  if (!from.taken)
    return {
      edges: [...edges, newEdge(newEdgeIdFor(sequence), placement.after, from.handle, stepId)],
      ...where,
    };
  const onward = firstHandle(type);
  if (onward === undefined) return exitBetween(placement.after, from.taken);
  return { edges: insert(sequence, from.taken, stepId, onward), ...where };
}

function intoEdge(
  sequence: Sequence,
  type: NodeType,
  stepId: string,
  edgeId: string,
): Placed | Refusal {
  const edge = findEdge(sequence, edgeId);
  if (!edge) return refuse('unknown_edge', `there is no edge "${edgeId}"`, { edgeId });
  const source = findStep(sequence, edge.source);
  const target = findStep(sequence, edge.target);
  if (!source || !target)
    return refuse(
      'unknown_step',
      `edge "${edgeId}" does not join two steps ("${edge.source}" to "${edge.target}")`,
      { edgeId, stepId: source ? edge.target : edge.source },
    );
  if (type === 'entry') return intoEntry();
  if (target.type === 'entry')
    return refuse(
      'into_entry',
      `edge "${edgeId}" leads into the entry "${edge.target}", which nothing may lead into`,
      { edgeId, stepId: edge.target },
    );
  // Only into an edge the format allows (a broken file's edge may leave an exit, say).
  const from = outlet(sequence, edge.source, handleOf(edge));
  if ('refused' in from) return { ...from, edgeId };
  const onward = firstHandle(type);
  if (onward === undefined) return exitBetween(edge.source, edge);
  const position = between(source, target) ?? below(source, 0, 1);
  return { edges: insert(sequence, edge, stepId, onward), ...(position ? { position } : {}) };
}

/** The edge re-pointed to the new step, and a new edge from the step to the old target. */
function insert(
  sequence: Sequence,
  edge: SequenceEdge,
  stepId: string,
  handle: string | null,
): SequenceEdge[] {
  const onward = newEdge(newEdgeIdFor(sequence), stepId, handle, edge.target);
  const repointed = { ...edge, target: stepId };
  return [...edgesOf(sequence).map((e) => (e === edge ? repointed : e)), onward];
}

/** The handle a new step of this type leads on by; undefined for an exit. */
function firstHandle(type: NodeType): string | null | undefined {
  const handles = sourceHandles({ type, data: defaultData(type) });
  return handles.length === 0 ? undefined : handles[0];
}

function newEdgeIdFor(sequence: Sequence): string {
  return new IdAllocator(edgeIdSet(sequence)).edge();
}

function intoEntry(): Refusal {
  return refuse('into_entry', 'nothing may lead into an entry: add it unconnected');
}

/** An exit can't be inserted before a step: nothing follows an exit. */
function exitBetween(source: string, edge: SequenceEdge): Refusal {
  return refuse(
    'from_exit',
    `an exit ends the sequence, so it can't go between "${source}" and "${edge.target}" (edge "${edge.id}")`,
    { stepId: source, edgeId: edge.id },
  );
}
