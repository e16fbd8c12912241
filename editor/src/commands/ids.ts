import type { NodeType, Sequence } from '@nudge/schema';
import { edgeIdSet } from './read.ts';
import { takenStepIds } from './taken-ids.ts';

/**
 * New ids: readable ("email-2", "wait-for-1", "e7") and never one already taken. Ids never
 * change once given: the runtime moves waiting enrollees between versions by step id.
 */

/** The id prefix of a type: "wait_for" gives "wait-for"; anything odd gives "step". */
export function stepIdPrefix(type: string): string {
  const prefix = String(type)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return prefix === '' ? 'step' : prefix;
}

/**
 * Hands out fresh ids against a set of taken ones, the smallest number free for each prefix;
 * every id handed out is taken from then on, so a batch (a paste) never repeats one.
 */
export class IdAllocator {
  private readonly taken: Set<string>;
  private readonly next = new Map<string, number>();

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  /** "<prefix><n>", the smallest n >= 1 not taken (numbers below one handed out are taken). */
  fresh(prefix: string): string {
    let n = this.next.get(prefix) ?? 1;
    while (this.taken.has(`${prefix}${n}`)) n++;
    this.next.set(prefix, n + 1);
    const id = `${prefix}${n}`;
    this.taken.add(id);
    return id;
  }

  step(type: string): string {
    return this.fresh(`${stepIdPrefix(type)}-`);
  }

  edge(): string {
    return this.fresh('e');
  }
}

/**
 * A new step id for `type`: 'email-2', 'delay-3', 'wait-for-1', the smallest number not
 * taken by a step (nor still naming a deleted one, see takenStepIds).
 */
export function newStepId(sequence: Sequence, type: NodeType): string {
  return new IdAllocator(takenStepIds(sequence)).step(type);
}

/** A new edge id: 'e1', 'e2'..., the smallest free. */
export function newEdgeId(sequence: Sequence): string {
  return new IdAllocator(edgeIdSet(sequence)).edge();
}
