import type { Sequence } from '@nudge/schema';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type ReservedStepIds, reservedStepIds } from '../commands/reserved-ids.ts';
import type { SequenceFile } from '../sequence/file.ts';
import { type SequenceStore, sequenceStore } from '../sequence/store.ts';

/**
 * The open document's life beside the editor's store: where it lives on the server (its id
 * and the draft's revision it was loaded at or saved as), the document as last saved there,
 * and whether a save is under way. Opening anything else (a file, an example) starts afresh:
 * that document is not on the server.
 *
 * It also keeps the step ids reserved for the document (../commands/reserved-ids.ts): on every
 * open, the document's own and those of its published versions on the server; on every change,
 * the steps' ids as they now are, so an id once used in this session is never given again.
 */

/** Where the open sequence is on the server: its id and the draft's revision it matches. */
export interface Origin {
  id: string;
  revision: number;
}

export interface DocumentLife {
  /** null: a file, an example or a new sequence, not saved on the server yet. */
  origin: Origin | null;
  /** The very document object last saved to (or loaded from) the server; null if none. */
  saved: SequenceFile | null;
  saving: boolean;
  /** The document was changed since it was opened (so replacing it would lose work). */
  edited: boolean;
  /** The very document object last exported to a file (Export); null if none since the open. */
  exported: SequenceFile | null;
}

/**
 * What replacing the open document would lose: `unsaved`, changes not saved to the server it
 * came from (or was saved to); `not_kept`, changes to a document on no server that were not
 * exported either; null, nothing.
 */
export type WorkAtRisk = 'unsaved' | 'not_kept' | null;

/** What the header says. `none`: nothing open (or a file that could not be read). */
export type SaveState = 'none' | 'saving' | 'saved' | 'unsaved' | 'not_on_server';

/**
 * Saved means the document is the object that was saved: an edit makes a new one, and undoing
 * back to the saved document brings the very object back, so it reads as saved again.
 */
export function saveStateOf(file: SequenceFile | null, life: DocumentLife): SaveState {
  if (!file) return 'none';
  if (life.saving) return 'saving';
  if (!life.origin) return 'not_on_server';
  return file === life.saved ? 'saved' : 'unsaved';
}

export interface OpenOptions {
  origin?: Origin | null;
  /** The document is what the server holds at `origin` (loaded from it, or a copy saved there). */
  saved?: boolean;
  /** It was changed before (a working copy reopened): replacing it would lose work. */
  edited?: boolean;
  /**
   * Step ids no new step may take though the document may not hold them: the server's
   * `publishedStepIds`, or those a working copy kept.
   */
  reservedStepIds?: Iterable<string>;
}

export interface LifeOptions {
  /** The ledger the commands read (the editor's one by default). */
  reserved?: ReservedStepIds;
}

export function createDocumentLife(
  sequences: StoreApi<SequenceStore>,
  { reserved = reservedStepIds }: LifeOptions = {},
) {
  const store = createStore<DocumentLife>()(() => ({
    origin: null,
    saved: null,
    saving: false,
    edited: false,
    exported: null,
  }));
  let opening = false;

  /** The step ids of every document of this session so far are reserved (undo brings none back). */
  const reserveStepsOf = (file: SequenceFile | null) => {
    if (file) reserved.addStepsOf(file as unknown as Sequence);
  };

  sequences.subscribe((now, before) => {
    if (now.openCount !== before.openCount) {
      reserved.reset();
      reserveStepsOf(now.file);
      // Something else opened a document (Open file, an example, a dropped file): it is not
      // on the server.
      if (!opening)
        store.setState({ origin: null, saved: null, saving: false, edited: false, exported: null });
      return;
    }
    if (now.file !== before.file && now.file?.nodes !== before.file?.nodes)
      reserveStepsOf(now.file);
    if (now.revision !== before.revision && !store.getState().edited)
      store.setState({ edited: true });
  });

  /**
   * What opening something else now would lose: changes not saved on the server the document
   * lives on (while a save is under way too: it may fail), or changes to a document on no
   * server that were not exported as they are now.
   */
  const workAtRisk = (): WorkAtRisk => {
    const file = sequences.getState().file;
    if (!file) return null;
    const { origin, saved, edited, exported } = store.getState();
    if (origin) return file === saved ? null : 'unsaved';
    return edited && file !== exported ? 'not_kept' : null;
  };

  return {
    store,

    /** Opens a document with where it lives on the server. */
    open(fileName: string, value: unknown, options: OpenOptions = {}) {
      const { origin = null, saved = false, edited = false } = options;
      opening = true;
      try {
        sequences.getState().openValue(fileName, value);
      } finally {
        opening = false;
      }
      reserved.add(options.reservedStepIds ?? []);
      const file = sequences.getState().file;
      store.setState({
        origin,
        saved: saved && origin ? file : null,
        saving: false,
        edited,
        exported: null,
      });
    },

    /** `file` is now the server's draft at `origin`. */
    markSaved(origin: Origin, file: SequenceFile) {
      store.setState({ origin, saved: file, saving: false });
    },

    /** `file` was downloaded as a file (Export): a document on no server is kept by it. */
    markExported(file: SequenceFile) {
      store.setState({ exported: file });
    },

    setSaving(saving: boolean) {
      store.setState({ saving });
    },

    /** No new step may take these ids (more published ids learnt from the server). */
    reserveStepIds(ids: Iterable<string>) {
      reserved.add(ids);
    },

    /** The step ids reserved for the open document, sorted (what a working copy keeps). */
    reservedStepIds(): string[] {
      return reserved.list();
    },

    saveState(): SaveState {
      return saveStateOf(sequences.getState().file, store.getState());
    },

    workAtRisk,

    /** Opening something else now would lose work (see workAtRisk). */
    wouldLoseWork(): boolean {
      return workAtRisk() !== null;
    },
  };
}

export type DocumentLifeApi = ReturnType<typeof createDocumentLife>;

/** The editor's document life, beside its store. Tests make their own. */
export const documentLife = createDocumentLife(sequenceStore);

export function useDocumentLife<T>(selector: (life: DocumentLife) => T): T {
  return useStore(documentLife.store, selector);
}
