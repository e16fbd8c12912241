import { useTranslation } from 'react-i18next';
import { sequenceStore, useHistory, useSequence } from '../sequence/store.ts';

/** **Undo** and **Redo**, for the mouse; Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z or Ctrl+Y do the same. */
export function HistoryButtons() {
  const { t } = useTranslation();
  const { canUndo, canRedo } = useHistory();
  const editable = useSequence((s) => s.editable);
  if (!editable) return null;
  return (
    <>
      <button
        type="button"
        className="button"
        title={t('build.undoHint')}
        disabled={!canUndo}
        onClick={() => sequenceStore.getState().undo()}
      >
        {t('build.undo')}
      </button>
      <button
        type="button"
        className="button"
        title={t('build.redoHint')}
        disabled={!canRedo}
        onClick={() => sequenceStore.getState().redo()}
      >
        {t('build.redo')}
      </button>
    </>
  );
}
