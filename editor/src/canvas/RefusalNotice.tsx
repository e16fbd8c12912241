import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSequence } from '../sequence/store.ts';

/**
 * Why the last edit was refused (a link into the entry, a loop...), in the UI's language,
 * shown where it was tried when we know where, else at the top of the canvas; read out by
 * screen readers. It goes with the next edit, Escape, its close button, or after a while.
 * Test hook: data-testid="refusal" with data-code.
 */
export function RefusalNotice() {
  const { t } = useTranslation();
  const refusal = useSequence((s) => s.refusal);
  const dismiss = useSequence((s) => s.dismissRefusal);
  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(dismiss, 8000);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') dismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [refusal, dismiss]);
  if (!refusal) return null;
  const style = refusal.at
    ? { position: 'fixed' as const, left: refusal.at.x + 12, top: refusal.at.y + 12 }
    : undefined;
  return (
    <div
      className="refusal"
      role="alert"
      data-testid="refusal"
      data-code={refusal.refused}
      style={style}
      key={refusal.request}
    >
      <p>
        {t(`build.refused.${refusal.refused}`, {
          defaultValue: refusal.message,
          step: refusal.stepId ?? '',
        })}
      </p>
      <button
        type="button"
        className="refusal__close"
        aria-label={t('build.dismiss')}
        onClick={dismiss}
      >
        ×
      </button>
    </div>
  );
}
