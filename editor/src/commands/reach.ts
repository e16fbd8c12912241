import type { SequenceEdge } from '@nudge/schema';
import { isObject } from './read.ts';

/**
 * Whether a path of edges leads from step `from` to step `to`. Edges are followed by id,
 * whatever their handles, so that on a broken file the answer errs on the side of "yes"
 * (a refused connection rather than a cycle).
 */
export function reaches(edges: SequenceEdge[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!isObject(edge) || typeof edge.source !== 'string' || typeof edge.target !== 'string')
      continue;
    const list = next.get(edge.source);
    if (list) list.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  return reachesIn(next, from, to);
}

/** The same, over steps and where each leads. */
export function reachesIn(next: Map<string, string[]>, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (id === to) return true;
    for (const target of next.get(id) ?? [])
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
  }
  return false;
}
