import { useEffect } from 'react';
import { sequenceStore } from '../sequence/store.ts';
import { documentActions } from './actions.ts';
import { browserCopyStorage } from './copy-storage.ts';
import { keepWorkingCopy, restoreWorkingCopy } from './keep.ts';
import { documentLife } from './life.ts';
import { tabId } from './tab.ts';

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
    const deps = { sequences: sequenceStore, life: documentLife, storage, tab };
    let stop: (() => void) | undefined;
    let unmounted = false;
    const onKept = (error: unknown) => {
      const { notice } = documentActions.ui.getState();
      if (error) {
        if (!notice) documentActions.notify({ kind: 'not_kept' });
      } else if (notice?.kind === 'not_kept') {
        documentActions.notify(null);
      }
    };
    restoreWorkingCopy(deps)
      .catch(() => false)
      .then(() => {
        if (!unmounted) stop = keepWorkingCopy({ ...deps, onKept });
      });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);
}
