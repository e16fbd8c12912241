import type { StoreApi } from 'zustand';
import type { SequenceStore } from '../sequence/store.ts';
import type { DocumentLifeApi } from './life.ts';
import type { CopyStorage, WorkingCopy } from './working-copy.ts';

/**
 * Keeps the open document in the browser on every change, and reopens it on the next load.
 * Writes wait for a pause in the changes (typing is many changes a second), and happen at once
 * when the page is hidden or left (pagehide: a reload, a closed tab), so what a crash can lose
 * is the last fraction of a second at most. A page being left may be gone before an IndexedDB
 * write commits (Chromium drops it on a reload): then the storage's synchronous writeNow keeps
 * the copy too.
 */

export interface KeepOptions {
  sequences: StoreApi<SequenceStore>;
  life: DocumentLifeApi;
  storage: CopyStorage;
  tab: string;
  /** How long the changes must pause before a write, in ms. */
  delay?: number;
  /** Where pagehide and visibilitychange are listened to. */
  page?: Pick<Window, 'addEventListener' | 'removeEventListener'> & {
    document?: Pick<Document, 'visibilityState'>;
  };
  /** Each write's outcome: null when kept, else why it failed (storage full, disabled). */
  onKept?: (error: unknown) => void;
  now?: () => number;
}

export const KEEP_DELAY = 300;

/** Starts keeping; returns how to stop (pending changes are written then). */
export function keepWorkingCopy(options: KeepOptions): () => void {
  const { sequences, life, storage, tab, delay = KEEP_DELAY, onKept, now = Date.now } = options;
  const page = options.page ?? globalThis;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const copy = (): WorkingCopy | undefined => {
    const { file, fileName } = sequences.getState();
    if (!file || fileName === null) return undefined;
    const { origin } = life.store.getState();
    return {
      tab,
      fileName,
      document: file,
      origin,
      saved: life.saveState() === 'saved',
      keptAt: now(),
      reservedStepIds: life.reservedStepIds(),
    };
  };

  /** Writes what is pending; `leaving`: the page is going away, too soon for an async write. */
  const flush = (leaving = false) => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    const kept = copy();
    if (!kept) return;
    if (leaving) storage.writeNow?.(kept);
    storage.write(kept).then(
      () => onKept?.(null),
      (error: unknown) => onKept?.(error ?? new Error('not kept')),
    );
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  };

  const stopDocument = sequences.subscribe((s, before) => {
    if (s.revision !== before.revision) schedule();
  });
  // Saved and not saved are kept too: a reload must say the same as before it.
  const stopLife = life.store.subscribe((s, before) => {
    if (s.origin !== before.origin || s.saved !== before.saved) schedule();
  });
  const onHidden = () => {
    if (page.document?.visibilityState === 'hidden') flush();
  };
  const onLeave = () => flush(true);
  page.addEventListener('pagehide', onLeave);
  page.addEventListener('visibilitychange', onHidden);

  return () => {
    flush();
    stopDocument();
    stopLife();
    page.removeEventListener('pagehide', onLeave);
    page.removeEventListener('visibilitychange', onHidden);
  };
}

/**
 * Reopens the tab's working copy (else the latest of any tab), with its file name, where it
 * lives on the server and whether it was saved. Nothing happens if the person opened something
 * while it was being read (or `stillWanted` says no). Returns whether a copy was reopened.
 */
export async function restoreWorkingCopy(
  options: Pick<KeepOptions, 'sequences' | 'life' | 'storage' | 'tab'> & {
    /** Asked once the copy is read: false when the person has started something meanwhile. */
    stillWanted?: () => boolean;
  },
): Promise<boolean> {
  const { sequences, life, storage, tab, stillWanted = () => true } = options;
  const opened = sequences.getState().openCount;
  const copy = await storage.read(tab);
  if (!copy || sequences.getState().openCount !== opened || !stillWanted()) return false;
  // Not saved: whether it was changed is not known, so it counts as changed (work to keep).
  life.open(copy.fileName, copy.document, {
    origin: copy.origin,
    saved: copy.saved,
    edited: !copy.saved,
    reservedStepIds: copy.reservedStepIds ?? [],
  });
  return true;
}
