import type { Sequence } from '@nudge/schema';
import { IdAllocator } from './ids.ts';
import { checkLink, type Link, takenRefusal } from './link-rules.ts';
import { edgeIdSet, edgesOf, newEdge, withLists } from './read.ts';
import type { Outcome } from './refusal.ts';

/**
 * Connects a step's handle to a step, by the rules of link-rules.ts. A handle that already
 * has its edge is refused 'handle_taken' (the canvas then offers to replace it); with
 * `replace`, that edge is re-pointed to the new target instead, keeping its id. Connecting
 * what is already connected changes nothing.
 */
export function connect(
  sequence: Sequence,
  link: Link,
  options: { replace?: boolean } = {},
): Outcome<{ edgeId: string }> {
  const checked = checkLink(sequence, link);
  if ('refused' in checked) return checked;
  const edges = edgesOf(sequence);
  const { taken } = checked;
  if (taken) {
    if (taken.target === link.target) return { sequence, edgeId: taken.id };
    if (!options.replace) return takenRefusal(link.source, checked.handle, taken);
    const repointed = { ...taken, target: link.target };
    const next = edges.map((e) => (e === taken ? repointed : e));
    return { sequence: withLists(sequence, sequence.nodes, next), edgeId: taken.id };
  }
  const edgeId = new IdAllocator(edgeIdSet(sequence)).edge();
  const edge = newEdge(edgeId, link.source, checked.handle, link.target);
  return { sequence: withLists(sequence, sequence.nodes, [...edges, edge]), edgeId };
}
