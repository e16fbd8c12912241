import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice } from './actions.ts';
import { Dialog } from './Dialog.tsx';
import { myCopyName } from './export.ts';
import type { Conflict } from './save.ts';

export interface SaveConflictDialogProps {
  conflict: Conflict;
  /** A choice is being carried out: the buttons wait. */
  busy: boolean;
  onChoose(choice: ConflictChoice): void;
  /** What went wrong with the last choice, shown in the dialog. */
  children?: ReactNode;
}

/**
 * The server did not save because its draft changed since it was loaded (412), is gone, or
 * the id is taken (409). Never a silent overwrite: the person chooses **Load theirs** (their
 * own copy is downloaded first), **Overwrite** (after confirming), a new id, or **Cancel**.
 * While a choice is carried out the buttons wait (aria-disabled: they keep focus).
 * Test hooks: data-testid="save-conflict-dialog" with data-kind (changed | gone | exists); the
 * buttons are named by what they do.
 */
export function SaveConflictDialog({
  conflict,
  busy,
  onChoose,
  children,
}: SaveConflictDialogProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const overwrite = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Back from the confirmation: focus returns to the Overwrite button that asked it.
  useEffect(() => {
    if (confirming) asked.current = true;
    else if (asked.current) overwrite.current?.focus();
  }, [confirming]);
  const { kind, id } = conflict;
  const revision = kind === 'changed' ? conflict.revision : undefined;
  const choice = (value: ConflictChoice, label: string, hint: string, primary = false) => (
    <div className="doc-choice">
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button'}
        aria-disabled={busy}
        onClick={() => !busy && onChoose(value)}
      >
        {label}
      </button>
      <p>{hint}</p>
    </div>
  );
  return (
    <Dialog
      title={t(`document.conflict.${kind}.title`)}
      onClose={() => !busy && onChoose('cancel')}
      testId="save-conflict-dialog"
    >
      <div data-kind={kind} className="doc-conflict">
        <p>{t(`document.conflict.${kind}.body`, { id, revision })}</p>
        {children}
        {confirming ? (
          <div className="doc-confirm">
            <p>{t('document.conflict.confirm', { id })}</p>
            <div className="doc-dialog__actions">
              <button
                type="button"
                className="button"
                aria-disabled={busy}
                onClick={() => !busy && setConfirming(false)}
              >
                {t('document.conflict.back')}
              </button>
              <button
                type="button"
                className="button button--danger"
                aria-disabled={busy}
                onClick={() => !busy && onChoose('overwrite')}
                // biome-ignore lint/a11y/noAutofocus: the question just asked is answered here
                autoFocus
              >
                {t('document.conflict.confirmYes')}
              </button>
            </div>
          </div>
        ) : (
          <>
            {kind !== 'gone' &&
              choice(
                'theirs',
                t('document.conflict.theirs'),
                t('document.conflict.theirsHint', { file: myCopyName(id) }),
              )}
            {kind !== 'gone' && (
              <div className="doc-choice">
                <button
                  type="button"
                  className="button"
                  aria-disabled={busy}
                  ref={overwrite}
                  onClick={() => !busy && setConfirming(true)}
                >
                  {t('document.conflict.overwrite')}
                </button>
                <p>{t('document.conflict.overwriteHint')}</p>
              </div>
            )}
            {kind === 'exists' &&
              choice('new_id', t('document.conflict.newId'), t('document.conflict.newIdHint'))}
            {kind === 'gone' &&
              choice(
                'overwrite',
                t('document.conflict.saveAgain'),
                t('document.conflict.saveAgainHint'),
                true,
              )}
            {choice('cancel', t('document.cancel'), t('document.conflict.cancelHint'))}
          </>
        )}
        {busy && <p role="status">{t('document.working')}</p>}
      </div>
    </Dialog>
  );
}
