import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreviewOpen, useSequenceSettingsOpen } from '../panel/panel-store.ts';

// The preview brings runtime core (Liquid, zones, the HTML-to-text converter): it loads when
// first opened, not with the page.
const PreviewPanel = lazy(() => import('./PreviewPanel.tsx'));

/** Whether the Preview column stands beside the step settings now. */
export function usePreviewShown(): boolean {
  const open = usePreviewOpen();
  const sequenceSettings = useSequenceSettingsOpen();
  return open && !sequenceSettings;
}

/** The Preview column, between the canvas and the step settings, while it is open. */
export function PreviewColumn() {
  const { t } = useTranslation();
  if (!usePreviewShown()) return null;
  return (
    <aside className="app__preview" aria-label={t('preview.title')}>
      <Suspense fallback={<p className="panel__loading">{t('preview.loading')}</p>}>
        <PreviewPanel />
      </Suspense>
    </aside>
  );
}
