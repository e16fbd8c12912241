import { useEffect } from 'react';
import { sequenceStore } from '../sequence/store.ts';
import { documentActions } from './actions.ts';
import { browserCopyStorage } from './copy-storage.ts';
import { keepWorkingCopy, restoreWorkingCopy } from './keep.ts';
import { documentLife } from './life.ts';
import { tabId } from './tab.ts';
import type { CopyStorage } from './working-copy.ts';

/**
 * On the page's load, reopens the working copy this browser kept, then keeps the open document
 * on every change. When the browser can't keep it (storage full or off), the page says so.
 */
export function useWorkingCopy(): void {
  useEffect(() => {
    const storage = browserCopyStorage();
    if (!storage) {
      documentActions.notify({ kind: 'not_kept' });
      return;
    }
    const tab = tabId();
    let stop: (() => void) | undefined;
    let unmounted = false;
    restoreOnce(storage, tab).then(() => {
      if (!unmounted)
        stop = keepWorkingCopy({
          sequences: sequenceStore,
          life: documentLife,
          storage,
          tab,
          onKept,
        });
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);
}

/** The page's one restore: the editor mounting again (a remount, a story) does not redo it. */
let restoring: Promise<unknown> | undefined;

/**
 * For a page that must not reopen a kept copy, called before the editor mounts: Storybook's,
 * where every story file shares the browser's storage, and a copy another file kept would open
 * under a story.
 */
export function skipWorkingCopyRestore(): void {
  restoring ??= Promise.resolve(false);
}

function restoreOnce(storage: CopyStorage, tab: string): Promise<unknown> {
  if (restoring) return restoring;
  // What the person does while the copy is read wins over it: a click, a key, a file picked.
  let touched = false;
  const touch = () => {
    touched = true;
  };
  const events = ['pointerdown', 'keydown', 'change', 'drop'] as const;
  for (const type of events) window.addEventListener(type, touch, { capture: true });
  restoring = restoreWorkingCopy({
    sequences: sequenceStore,
    life: documentLife,
    storage,
    tab,
    stillWanted: () => !touched,
  })
    .catch(() => false)
    .finally(() => {
      for (const type of events) window.removeEventListener(type, touch, { capture: true });
    });
  return restoring;
}

/** Says when the browser could not keep the copy, and stops saying it once it can again. */
function onKept(error: unknown) {
  const { notice } = documentActions.ui.getState();
  if (error) {
    if (!notice) documentActions.notify({ kind: 'not_kept' });
  } else if (notice?.kind === 'not_kept') {
    documentActions.notify(null);
  }
}
