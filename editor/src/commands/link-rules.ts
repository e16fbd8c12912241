import { type Sequence, type SequenceEdge, type SequenceNode, sourceHandles } from '@nudge/schema';
import { reaches } from './reach.ts';
import { edgesOf, findStep, leaves } from './read.ts';
import { type Refusal, refuse } from './refusal.ts';

/**
 * The rules of an edge (FORMAT.md sections 3 and 3a), shared by connecting, adding a step
 * after another and pasting: one edge per outgoing handle, only handles the step has, none
 * into the entry, none from an exit, no self-loop, no cycle.
 */

/** An edge to make: from a step's handle to a step. */
export interface Link {
  source: string;
  /** null: the unnamed handle of a plain step; absent: the first free handle, else the first. */
  sourceHandle?: string | null;
  target: string;
}

/** Where an edge may leave from, and the edge already there if the handle is taken. */
export interface Outlet {
  step: SequenceNode;
  handle: string | null;
  /** Every handle of the step, in order. */
  handles: Array<string | null>;
  taken?: SequenceEdge;
}

/** Whether an edge may leave step `source` by `handle`, and which edge already does. */
export function outlet(
  sequence: Sequence,
  source: string,
  handle: string | null | undefined,
): Outlet | Refusal {
  const step = findStep(sequence, source);
  if (!step) return refuse('unknown_step', `there is no step "${source}"`, { stepId: source });
  if (step.type === 'exit')
    return refuse(
      'from_exit',
      `"${source}" is an exit: the sequence ends there, so nothing can follow it`,
      { stepId: source },
    );
  const handles = sourceHandles(step);
  const edges = edgesOf(sequence);
  const takenBy = (h: string | null) => edges.find((e) => leaves(e, source, h));
  const chosen =
    handle !== undefined ? handle : (handles.find((h) => !takenBy(h)) ?? handles[0] ?? null);
  if (!handles.includes(chosen))
    return refuse('unknown_handle', handleMessage(source, chosen, handles), { stepId: source });
  const taken = takenBy(chosen);
  return { step, handle: chosen, handles, ...(taken ? { taken } : {}) };
}

function handleMessage(source: string, handle: string | null, handles: Array<string | null>) {
  if (handles.length === 0) return `step "${source}" has no handles to leave by`;
  if (handles[0] === null) return `step "${source}" has one unnamed handle, not "${handle}"`;
  const named = handles.join(', ');
  return handle === null
    ? `step "${source}" leaves by a named handle: ${named}`
    : `step "${source}" has no handle "${handle}" (it has ${named})`;
}

/** Whether `link` may be made; the outlet it leaves by when so. */
export function checkLink(sequence: Sequence, link: Link): Outlet | Refusal {
  const from = outlet(sequence, link.source, link.sourceHandle);
  if ('refused' in from) return from;
  const target = findStep(sequence, link.target);
  if (!target)
    return refuse('unknown_step', `there is no step "${link.target}"`, { stepId: link.target });
  if (target.type === 'entry')
    return refuse(
      'into_entry',
      `nothing may lead into the entry "${link.target}": it is where contacts come in`,
      { stepId: link.target },
    );
  if (link.source === link.target)
    return refuse('self_loop', `step "${link.source}" can't lead to itself`, {
      stepId: link.source,
    });
  if (reaches(edgesOf(sequence), link.target, link.source))
    return refuse(
      'cycle',
      `"${link.target}" already leads to "${link.source}": this edge would make a loop, and a sequence never goes back to an earlier step`,
      { stepId: link.target },
    );
  return from;
}

/** The refusal for a handle that already has its edge. */
export function takenRefusal(source: string, handle: string | null, taken: SequenceEdge): Refusal {
  const which = handle === null ? `"${source}"` : `the "${handle}" handle of "${source}"`;
  return refuse(
    'handle_taken',
    `${which} already leads to "${taken.target}" (edge "${taken.id}"): one handle has one edge`,
    { stepId: source, edgeId: taken.id },
  );
}
