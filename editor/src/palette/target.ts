import { type Sequence, type SequenceNode, sourceHandles } from '@nudge/schema';
import type { Placement } from '../commands/index.ts';

/**
 * Where a step chosen in the palette (or the step search opened without a step) goes:
 *
 * - with steps selected, after the last of them in the document: addStep then takes its first
 *   free handle, or inserts the step into the link already on its first handle;
 * - with none, after the end of the entry's path, following each step's first link (yes
 *   before no, met before timeout), so clicking Email, Delay, Email builds a chain;
 * - when that path ends in an exit, or there is no entry, nowhere in particular: undefined,
 *   and the caller puts the step, unconnected, at the centre of the view.
 *
 * A selected exit is kept as the answer: adding after it is refused with the reason (nothing
 * follows an exit), which says more than a step appearing somewhere else.
 */
export function paletteTarget(
  sequence: Sequence,
  selected: readonly string[],
): Extract<Placement, { after: string }> | undefined {
  const chosen = new Set(selected);
  let last: SequenceNode | undefined;
  for (const node of nodesOf(sequence)) if (chosen.has(node.id)) last = node;
  if (last) return { after: last.id };
  const end = pathEnd(sequence);
  return end && end.type !== 'exit' ? { after: end.id } : undefined;
}

/**
 * The last step of the entry's path: from the entry, each step's link by its first handle
 * that has one, until a step with no link out (or a link to a missing step, or back to a
 * step already walked: broken files end the walk there).
 */
export function pathEnd(sequence: Sequence): SequenceNode | undefined {
  const nodes = nodesOf(sequence);
  const byId = new Map<string, SequenceNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const leaving = new Map<string, Array<{ handle: string | null; target: string }>>();
  for (const edge of Array.isArray(sequence.edges) ? sequence.edges : []) {
    if (!isRecord(edge) || typeof edge.source !== 'string' || typeof edge.target !== 'string')
      continue;
    const handle = typeof edge.sourceHandle === 'string' ? edge.sourceHandle : null;
    const list = leaving.get(edge.source) ?? [];
    list.push({ handle, target: edge.target });
    leaving.set(edge.source, list);
  }
  let step: SequenceNode | undefined = nodes.find((n) => n.type === 'entry');
  const walked = new Set<string>();
  while (step && !walked.has(step.id)) {
    walked.add(step.id);
    const order = sourceHandles(step);
    const rank = (h: string | null) => {
      const i = order.indexOf(h);
      return i < 0 ? order.length : i;
    };
    const links = [...(leaving.get(step.id) ?? [])].sort((a, b) => rank(a.handle) - rank(b.handle));
    const first: { target: string } | undefined = links[0];
    const next: SequenceNode | undefined = first && byId.get(first.target);
    if (!next || walked.has(next.id)) return step;
    step = next;
  }
  return step;
}

/** The document's nodes that have a string id (a broken file may hold anything). */
function nodesOf(sequence: Sequence): SequenceNode[] {
  return (Array.isArray(sequence.nodes) ? sequence.nodes : []).filter(
    (n): n is SequenceNode => isRecord(n) && typeof n.id === 'string',
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
