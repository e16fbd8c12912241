import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { documentActions } from '../document/actions.ts';
import { openFile } from '../sequence/open-file.ts';

/**
 * Opens a sequence file from disk; when that would lose unsaved changes, it asks first (keep
 * working, or discard and open). Test hook: the (hidden) input is
 * data-testid="open-file-input", so tests can set files on it directly.
 */
export function OpenFileButton() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        {t('toolbar.openFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        data-testid="open-file-input"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Reset so that picking the same file again (after fixing it) opens it again.
          event.currentTarget.value = '';
          if (file) openFileReplacing(file);
        }}
      />
    </>
  );
}

/** Opens a file picked or dropped in place of the document, asking first if work would be lost. */
export function openFileReplacing(file: File): void {
  documentActions.replaceWith({ kind: 'file', name: file.name }, () => void openFile(file));
}
