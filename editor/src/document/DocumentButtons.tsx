import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSequence } from '../sequence/store.ts';
import { documentActions } from './actions.ts';
import { DocumentDialogs } from './DocumentDialogs.tsx';
import { saveStateOf, useDocumentLife } from './life.ts';
import { useSaveShortcut } from './use-save-shortcut.ts';
import { useWorkingCopy } from './use-working-copy.ts';
import './document.css';

/**
 * **New sequence** and **Open from server**: the toolbar's ways to start a document. They also
 * host the document's dialogs and keep the working copy in this browser.
 */
export function StartButtons() {
  const { t } = useTranslation();
  useWorkingCopy();
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        title={t('document.newSequenceHint')}
        onClick={() => documentActions.newSequence()}
      >
        {t('document.newSequence')}
      </button>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        title={t('document.openFromServerHint')}
        onClick={() => documentActions.openFromServer()}
      >
        {t('document.openFromServer')}
      </button>
      <DocumentDialogs />
    </>
  );
}

/**
 * **Save** (Ctrl/Cmd+S too), **Publish** and **Export**, shown while a document is open. Save
 * says when there is nothing to save (aria-disabled: it keeps focus, unlike disabled).
 */
export function DocumentButtons() {
  const { t } = useTranslation();
  const file = useSequence((s) => s.file);
  const state = useDocumentLife((life) => saveStateOf(file, life));
  const save = useCallback(() => {
    const now = documentActions.life.saveState();
    if (now === 'saved' || now === 'saving' || now === 'none') return;
    void documentActions.save();
  }, []);
  useSaveShortcut(save);
  if (!file) return null;
  const idle = state === 'saved' || state === 'saving';
  return (
    <>
      <button
        type="button"
        className="button"
        title={t('document.saveHint')}
        aria-disabled={idle}
        onClick={save}
      >
        {t('document.save')}
      </button>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        title={t('document.publishHint')}
        aria-disabled={state === 'saving'}
        onClick={() => state !== 'saving' && void documentActions.publish()}
      >
        {t('document.publish.button')}
      </button>
      <button
        type="button"
        className="button"
        title={t('document.exportHint')}
        onClick={() => documentActions.exportCopy()}
      >
        {t('document.export')}
      </button>
    </>
  );
}
