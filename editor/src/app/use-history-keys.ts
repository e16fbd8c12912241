import { useEffect } from 'react';
import { sequenceStore } from '../sequence/store.ts';

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, anywhere on the page: in a form field
 * too, where typing a word was one step of the document's history. A code editor
 * (CodeMirror) keeps these keys for its own history when it has one.
 */
export function useHistoryKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return;
      const key = e.key.toLowerCase();
      const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey && e.ctrlKey);
      const undo = key === 'z' && !e.shiftKey;
      if (!undo && !redo) return;
      if (!sequenceStore.getState().editable) return;
      e.preventDefault();
      if (redo) sequenceStore.getState().redo();
      else sequenceStore.getState().undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
