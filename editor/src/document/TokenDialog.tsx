import { useTranslation } from 'react-i18next';
import { TokenForm } from '../outbox/TokenForm.tsx';
import { Dialog } from './Dialog.tsx';
// The token form is dressed by the outbox's styles.
import '../outbox/outbox.css';

export interface TokenDialogProps {
  /** The last token was refused by the API (401). */
  refused: boolean;
  onToken(token: string): void;
  onClose(): void;
}

/**
 * Asks for the API token that Save, Publish and Open from server use: the same token, and
 * the same form, as the outbox's (until accounts exist). Test hook: data-testid="token-dialog"
 * around the outbox's "token-form".
 */
export function TokenDialog({ refused, onToken, onClose }: TokenDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog label={t('outbox.token.title')} onClose={onClose} testId="token-dialog">
      <TokenForm
        refused={refused}
        onSubmit={onToken}
        explain={t('document.token.explain')}
        submitLabel={t('document.token.submit')}
      />
      <div className="doc-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('document.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
