import type { Position, Sequence, SequenceEdge, SequenceNode } from '@nudge/schema';
import { SEQUENCE_KEYS, withKey } from './keys.ts';

/**
 * Reading the document leniently. It may come from a broken file (the editor opens invalid
 * files too): a step's data may be junk, ids may repeat, edges may point nowhere. Commands
 * match only items with a string id and keep every other item as it is.
 */

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isPosition = (v: unknown): v is Position =>
  isObject(v) && Number.isFinite(v.x) && Number.isFinite(v.y);

export function stepsOf(sequence: Sequence): SequenceNode[] {
  return Array.isArray(sequence.nodes) ? sequence.nodes : [];
}

export function edgesOf(sequence: Sequence): SequenceEdge[] {
  return Array.isArray(sequence.edges) ? sequence.edges : [];
}

/** The id of a node or an edge, when it has a string one. */
export function idOf(item: unknown): string | undefined {
  return isObject(item) && typeof item.id === 'string' ? item.id : undefined;
}

/**
 * The step with this id: the first node that has it, as the validator reads a file whose ids
 * repeat (the later ones are reported as duplicates).
 */
export function findStep(sequence: Sequence, id: string): SequenceNode | undefined {
  return stepsOf(sequence).find((n) => idOf(n) === id);
}

/** The first edge with this id. */
export function findEdge(sequence: Sequence, id: string): SequenceEdge | undefined {
  return edgesOf(sequence).find((e) => idOf(e) === id);
}

export function edgeIdSet(sequence: Sequence): Set<string> {
  return idSet(edgesOf(sequence));
}

/** The string ids of these items. */
export function idSet(items: unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    const id = idOf(item);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** The handle an edge leaves by: null for the one unnamed handle of a plain step. */
export function handleOf(edge: SequenceEdge): string | null {
  return isObject(edge) && typeof edge.sourceHandle === 'string' ? edge.sourceHandle : null;
}

/** Whether an edge leaves `source` by `handle`. */
export function leaves(edge: SequenceEdge, source: string, handle: string | null): boolean {
  return isObject(edge) && edge.source === source && handleOf(edge) === handle;
}

/** A new edge, keys in the order the examples write them. */
export function newEdge(
  id: string,
  source: string,
  handle: string | null,
  target: string,
): SequenceEdge {
  return handle === null ? { id, source, target } : { id, source, sourceHandle: handle, target };
}

/** The sequence with new lists of steps and edges (either may be the same array). */
export function withLists(
  sequence: Sequence,
  steps: SequenceNode[],
  edges: SequenceEdge[],
): Sequence {
  let next = sequence;
  if (steps !== sequence.nodes) next = withKey(next, 'nodes', steps, SEQUENCE_KEYS);
  if (edges !== sequence.edges) next = withKey(next, 'edges', edges, SEQUENCE_KEYS);
  return next;
}

/** Replaces items (by reference) in a list, leaving the others identical. */
export function replaced<T>(list: T[], changes: Map<T, T>): T[] {
  return changes.size === 0 ? list : list.map((item) => changes.get(item) ?? item);
}
