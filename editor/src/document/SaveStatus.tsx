import { useTranslation } from 'react-i18next';
import { useSequence } from '../sequence/store.ts';
import { saveStateOf, useDocumentLife } from './life.ts';

/**
 * Whether the open sequence is saved on the server: **Saved**, **Unsaved changes**,
 * **Saving…** or **Not saved on the server**; a live region, so a screen reader hears it change.
 * Test hook: data-testid="save-status" with data-state (saved | unsaved | saving |
 * not_on_server | none).
 */
export function SaveStatus() {
  const { t } = useTranslation();
  const file = useSequence((s) => s.file);
  const life = useDocumentLife((l) => l);
  const state = saveStateOf(file, life);
  const revision = life.origin?.revision;
  return (
    <span
      className={`save-status save-status--${state}`}
      role="status"
      data-testid="save-status"
      data-state={state}
      title={
        state === 'saved' && revision !== undefined
          ? t('document.status.savedHint', { id: life.origin?.id, revision })
          : undefined
      }
    >
      {state === 'none' ? '' : t(`document.status.${state}`)}
    </span>
  );
}
