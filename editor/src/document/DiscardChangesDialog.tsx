import { useTranslation } from 'react-i18next';
import type { Replacement } from './actions.ts';
import { Dialog } from './Dialog.tsx';
import type { WorkAtRisk } from './life.ts';

export interface DiscardChangesDialogProps {
  /** The open sequence's name (else its file name). */
  name: string;
  /** What would be lost: changes not saved on the server, or not kept anywhere. */
  risk: Exclude<WorkAtRisk, null>;
  /** What is about to be opened in its place. */
  what: Replacement;
  onKeep(): void;
  onDiscard(): void;
}

/**
 * Asked before a file or an example replaces a sequence with unsaved changes: **Keep working**
 * (the default, also Escape: nothing changes) or **Discard and open**. Focus starts on Keep
 * working and goes back to what opened it (the Examples or Open file button). Test hooks:
 * data-testid="discard-changes-dialog" with data-risk (unsaved | not_kept).
 */
export function DiscardChangesDialog({
  name,
  risk,
  what,
  onKeep,
  onDiscard,
}: DiscardChangesDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('document.discard.title')} onClose={onKeep} testId="discard-changes-dialog">
      <div data-risk={risk}>
        <p>{t(`document.discard.${risk}`, { name })}</p>
        <p>
          {what.kind === 'file'
            ? t('document.discard.file', { file: what.name })
            : t('document.discard.example', { example: what.name })}
        </p>
        <p className="doc-form__hint">{t('document.discard.advice')}</p>
      </div>
      <div className="doc-dialog__actions">
        {/* First, so the dialog opens with focus on it: Enter or Escape loses nothing. */}
        <button type="button" className="button button--primary" onClick={onKeep}>
          {t('document.discard.keep')}
        </button>
        <button type="button" className="button button--danger" onClick={onDiscard}>
          {t('document.discard.discard')}
        </button>
      </div>
    </Dialog>
  );
}
