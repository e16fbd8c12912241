import type { Sequence } from '@nudge/schema';
import { idOf, stepsOf } from './read.ts';

/**
 * Step ids reserved for the open document though it may no longer hold them, which a new step
 * must never take (takenStepIds counts them):
 * - every step id of its published versions: publishing moves the enrollees waiting at a step
 *   to the step of the same id in the new version (and results count by step id), so a new
 *   "email-2" in place of a deleted one would silently take over the old one's enrollees;
 * - every step id it had earlier in this editing session: a step deleted and a new one added
 *   under its id would be two steps under one id across undo and redo.
 *
 * The editor has one document open at a time: document/life.ts keeps the shared ledger,
 * `reservedStepIds`, for it (starting afresh on every open, with the server's published ids
 * when it comes from the server), and the commands read it through takenStepIds. The ledger
 * only grows while a document is open.
 */
export class ReservedStepIds {
  private ids = new Set<string>();

  /** Starts afresh, holding these. */
  reset(ids: Iterable<string> = []): void {
    this.ids = new Set(ids);
  }

  /** Reserves these too. */
  add(ids: Iterable<string>): void {
    for (const id of ids) if (typeof id === 'string') this.ids.add(id);
  }

  /** Reserves the step ids of this document (a step's id stays reserved once it had it). */
  addStepsOf(sequence: Sequence): void {
    for (const step of stepsOf(sequence)) {
      const id = idOf(step);
      if (id !== undefined) this.ids.add(id);
    }
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** The reserved ids, sorted (as the working copy keeps them). */
  list(): string[] {
    return [...this.ids].sort();
  }

  [Symbol.iterator](): Iterator<string> {
    return this.ids[Symbol.iterator]();
  }
}

/** The open document's reserved step ids: the one ledger the editor's commands read. */
export const reservedStepIds = new ReservedStepIds();
