import type { StoreApi } from 'zustand';
import { SEQUENCE_KEYS, withKey } from '../commands/keys.ts';
import type { SequenceStore } from '../sequence/store.ts';
import { ApiFailure, type SequencesClient } from './api.ts';
import type { DocumentLifeApi, Origin } from './life.ts';

/**
 * Saving the open document as the server's draft: POST for a sequence not on the server yet,
 * PUT with If-Match for one loaded from it or saved to it. The server refuses to overwrite a
 * draft someone changed since (412), or to create an id that is taken (409): that comes back
 * as a conflict for the person to decide, never as a silent overwrite.
 */

export type Conflict =
  /** The draft changed on the server since it was loaded: it is at `revision` now. */
  | { kind: 'changed'; id: string; revision: number }
  /** The draft is gone from the server (deleted since it was loaded). */
  | { kind: 'gone'; id: string }
  /** A new sequence's id is already taken on the server. */
  | { kind: 'exists'; id: string };

export type SaveOutcome =
  | { kind: 'saved'; origin: Origin }
  /** Nothing to save: no document open. */
  | { kind: 'nothing' }
  | { kind: 'conflict'; conflict: Conflict }
  | { kind: 'failed'; failure: ApiFailure };

export interface SaveTarget {
  /** PUT to this id at this revision (an overwrite the person confirmed). */
  to?: Origin;
  /** POST, even if the document came from the server (it is gone from there). */
  create?: boolean;
}

export interface SaveDeps {
  sequences: StoreApi<SequenceStore>;
  life: DocumentLifeApi;
  client: SequencesClient;
}

export async function saveDocument(
  { sequences, life, client }: SaveDeps,
  target: SaveTarget = {},
): Promise<SaveOutcome> {
  const file = sequences.getState().file;
  if (!file) return { kind: 'nothing' };
  const put = target.create ? null : (target.to ?? life.store.getState().origin);
  life.setSaving(true);
  // The history stays: Undo after Save undoes the last edit. What is typed from now on is a
  // new undo step, so undoing it comes back to the very document saved (and reads as saved).
  sequences.getState().endUndoStep();
  try {
    // The very object sent is what is then saved: edits made meanwhile are not.
    const saved = put ? await client.save(put.id, file, put.revision) : await client.create(file);
    life.markSaved(saved, file);
    return { kind: 'saved', origin: saved };
  } catch (error) {
    life.setSaving(false);
    const failure =
      error instanceof ApiFailure ? error : new ApiFailure('other', (error as Error).message);
    const id = put?.id ?? idOf(failure, file);
    if (failure.kind === 'draft_changed') {
      const revision = failure.currentRevision;
      return {
        kind: 'conflict',
        conflict: revision === null ? { kind: 'gone', id } : { kind: 'changed', id, revision },
      };
    }
    if (failure.kind === 'exists') return { kind: 'conflict', conflict: { kind: 'exists', id } };
    return { kind: 'failed', failure };
  }
}

/** The id the server named in its answer, else the document's own. */
function idOf(failure: ApiFailure, file: Record<string, unknown>): string {
  const named = failure.details.sequenceId;
  if (typeof named === 'string') return named;
  return typeof file.id === 'string' ? file.id : '';
}

/** Gives the open document another id (saving it as a new sequence when its id is taken). */
export function changeSequenceId(sequences: StoreApi<SequenceStore>, id: string): void {
  sequences.getState().edit((sequence) => ({
    sequence: withKey(sequence, 'id', id, SEQUENCE_KEYS),
  }));
}
