import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSequence } from '../sequence/store.ts';
import { openSequenceSettings, useSequenceSettingsOpen } from './panel-store.ts';
import './panel.css';

const SequenceSettingsHost = lazy(() => import('./SequenceSettingsHost.tsx'));

/**
 * The **Sequence settings** region, opened by its toolbar button: the whole sequence's name,
 * time zone, send window and the rest. Test hook: data-testid="sequence-settings".
 */
export function SequenceSettings() {
  const { t } = useTranslation();
  const headingId = useId();
  const open = useSequenceSettingsOpen();
  const editable = useSequence((s) => s.editable);
  if (!open || !editable) return null;
  return (
    <section className="panel" aria-labelledby={headingId} data-testid="sequence-settings">
      <header className="panel__head panel__head--row">
        <h2 id={headingId} className="panel__title">
          {t('panel.sequenceSettings')}
        </h2>
        <button type="button" className="button" onClick={() => openSequenceSettings(false)}>
          {t('panel.close')}
        </button>
      </header>
      <div className="panel__body">
        <Suspense fallback={<p className="panel__loading">{t('panel.loading')}</p>}>
          <SequenceSettingsHost />
        </Suspense>
      </div>
    </section>
  );
}

/** The toolbar's **Sequence settings** button. */
export function SequenceSettingsButton() {
  const { t } = useTranslation();
  const open = useSequenceSettingsOpen();
  const editable = useSequence((s) => s.editable);
  if (!editable) return null;
  return (
    <button
      type="button"
      className="button"
      aria-pressed={open}
      title={t('panel.sequenceSettingsHint')}
      onClick={() => openSequenceSettings(!open)}
    >
      {t('panel.sequenceSettings')}
    </button>
  );
}
