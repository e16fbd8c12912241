import type { Sequence, SequenceEdge, SequenceNode } from '@nudge/schema';
import { edgesOf, idOf, isObject, stepsOf, withLists } from './read.ts';
import { type Outcome, refuse } from './refusal.ts';

/**
 * Deletes steps and the edges touching them. A deleted step with exactly one way in and one
 * way out is bridged: the edge coming in is re-pointed to where the step led, so the path
 * stays whole (a chain of deleted steps is bridged end to end).
 *
 * The entry is kept: asking to delete it alone is refused, and along with other steps it is
 * skipped. (A broken file with several entries may lose all but one.) A repeated id names
 * the first step with it, the one the validator and the edges read.
 */
export function deleteSteps(sequence: Sequence, stepIds: string[]): Outcome {
  const asked = new Set(stepIds);
  if (asked.size === 0) return { sequence };
  const steps = stepsOf(sequence);
  const first = new Map<string, SequenceNode>();
  for (const step of steps) {
    const id = idOf(step);
    if (id !== undefined && !first.has(id)) first.set(id, step);
  }
  // Entries as the validator counts them: a step hidden behind a repeated id is not one.
  let entries = [...first.values()].filter((s) => s.type === 'entry').length;
  const doomed = new Set<SequenceNode>();
  let keptEntry: string | undefined;
  for (const id of asked) {
    const step = first.get(id);
    if (!step) continue;
    if (step.type === 'entry') {
      if (entries <= 1) {
        keptEntry = id;
        continue;
      }
      entries--;
    }
    doomed.add(step);
  }
  if (doomed.size === 0) {
    if (keptEntry !== undefined)
      return refuse(
        'entry_kept',
        `"${keptEntry}" is the entry, where contacts come in: a sequence always has one`,
        { stepId: keptEntry },
      );
    const [id] = asked;
    return refuse('unknown_step', `there is no step "${id}"`, { stepId: id as string });
  }
  const ids = new Set([...doomed].map((s) => s.id));
  const edges = bridged(edgesOf(sequence), ids, first).filter(
    (e) => !isObject(e) || !(ids.has(e.source) || ids.has(e.target)),
  );
  return {
    sequence: withLists(
      sequence,
      steps.filter((s) => !doomed.has(s)),
      edges,
    ),
  };
}

/**
 * The edges with each deleted step that has one way in and one way out bridged, one step at
 * a time, so that a bridge made for one step is the way in of the next.
 */
function bridged(
  edges: SequenceEdge[],
  deleted: Set<string>,
  steps: Map<string, SequenceNode>,
): SequenceEdge[] {
  const into = new Map<string, Set<SequenceEdge>>();
  const out = new Map<string, Set<SequenceEdge>>();
  const add = (map: Map<string, Set<SequenceEdge>>, id: string, edge: SequenceEdge) => {
    const set = map.get(id);
    if (set) set.add(edge);
    else map.set(id, new Set([edge]));
  };
  for (const e of edges) {
    if (!isObject(e) || typeof e.source !== 'string' || typeof e.target !== 'string') continue;
    add(out, e.source, e);
    add(into, e.target, e);
  }
  // File edge -> its bridge (or null: removed); a bridge -> the file edge it replaces.
  const changes = new Map<SequenceEdge, SequenceEdge | null>();
  const originOf = new Map<SequenceEdge, SequenceEdge>();
  for (const id of deleted) {
    const ins = [...(into.get(id) ?? [])];
    const outs = [...(out.get(id) ?? [])];
    const [wayIn] = ins;
    const [wayOut] = outs;
    if (ins.length !== 1 || outs.length !== 1 || !wayIn || !wayOut) continue;
    const source = steps.get(wayIn.source);
    const target = steps.get(wayOut.target);
    // A bridge only where an edge may go: between two steps, not a loop, not into the entry.
    if (!source || !target || target.type === 'entry' || wayIn.source === wayOut.target) continue;
    const bridge = { ...wayIn, target: wayOut.target };
    const original = originOf.get(wayIn) ?? wayIn;
    originOf.set(bridge, original);
    changes.set(original, bridge);
    changes.set(originOf.get(wayOut) ?? wayOut, null);
    for (const [map, key, edge] of [
      [into, id, wayIn],
      [out, id, wayOut],
      [out, wayIn.source, wayIn],
      [into, wayOut.target, wayOut],
    ] as const)
      map.get(key)?.delete(edge);
    add(out, wayIn.source, bridge);
    add(into, wayOut.target, bridge);
  }
  if (changes.size === 0) return edges;
  const result: SequenceEdge[] = [];
  for (const e of edges) {
    const now = changes.has(e) ? changes.get(e) : e;
    if (now) result.push(now);
  }
  return result;
}
