import { LIMITS } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Canvas } from '../canvas/Canvas.tsx';
import { CanvasBoundary } from '../canvas/CanvasBoundary.tsx';
import { loadErrorText } from '../problems/load-error-text.ts';
import { useSequence } from '../sequence/store.ts';

/** The canvas when a sequence is open; otherwise what to do, or why the file did not open. */
export function CanvasArea() {
  const { t } = useTranslation();
  const open = useSequence((s) => s.file !== null);
  const loadError = useSequence((s) => s.loadError);
  const tooManyNodes = useSequence((s) => s.tooManyNodes);
  const openCount = useSequence((s) => s.openCount);

  if (tooManyNodes !== null)
    return (
      <div className="notice notice--error" role="alert">
        {t('load.tooManyNodes', { count: tooManyNodes, limit: LIMITS.nodes })}
      </div>
    );
  if (open)
    return (
      <CanvasBoundary key={openCount}>
        <Canvas />
      </CanvasBoundary>
    );
  return (
    <div className="notice">
      {loadError && (
        <p className="notice__error" role="alert">
          {loadErrorText(loadError, t)}
        </p>
      )}
      <h2>{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
    </div>
  );
}
