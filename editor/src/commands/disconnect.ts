import type { Sequence } from '@nudge/schema';
import { edgesOf, idOf, withLists } from './read.ts';
import { type Outcome, refuse } from './refusal.ts';

/**
 * Removes edges. Every edge with one of the ids goes (a broken file may repeat an id);
 * refused only when none of them is an edge.
 */
export function disconnect(sequence: Sequence, edgeIds: string[]): Outcome {
  if (edgeIds.length === 0) return { sequence };
  const gone = new Set(edgeIds);
  const edges = edgesOf(sequence);
  const kept = edges.filter((e) => {
    const id = idOf(e);
    return id === undefined || !gone.has(id);
  });
  if (kept.length === edges.length)
    return refuse('unknown_edge', `there is no edge ${edgeIds.map((id) => `"${id}"`).join(', ')}`, {
      edgeId: edgeIds[0] as string,
    });
  return { sequence: withLists(sequence, sequence.nodes, kept) };
}
