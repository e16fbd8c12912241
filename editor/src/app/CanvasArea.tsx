import { LIMITS } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Canvas } from '../canvas/Canvas.tsx';
import { CanvasBoundary } from '../canvas/CanvasBoundary.tsx';
import { loadErrorText } from '../problems/load-error-text.ts';
import { type LimitCode, type NotDrawn, useSequence } from '../sequence/store.ts';

/** The canvas when a sequence is open; otherwise what to do, or why the file is not drawn. */
export function CanvasArea() {
  const { t } = useTranslation();
  const open = useSequence((s) => s.file !== null);
  const loadError = useSequence((s) => s.loadError);
  const notDrawn = useSequence((s) => s.notDrawn);
  const openCount = useSequence((s) => s.openCount);

  if (notDrawn) return <NotDrawnNotice notDrawn={notDrawn} />;
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

const LIMIT_OF: Record<LimitCode, number> = {
  too_many_nodes: LIMITS.nodes,
  too_many_edges: LIMITS.edges,
  too_many_properties: LIMITS.objectKeys,
  too_many_values: LIMITS.values,
  too_deep: LIMITS.jsonDepth,
};

/** Test hook: data-testid="not-drawn". */
function NotDrawnNotice({ notDrawn }: { notDrawn: NotDrawn }) {
  const { t } = useTranslation();
  if (notDrawn.kind === 'not_a_sequence')
    return (
      <div className="notice" data-testid="not-drawn">
        <h2>{t('notDrawn.nothing')}</h2>
        <p>{t('notDrawn.notASequence')}</p>
      </div>
    );
  return (
    <div className="notice notice--error" role="alert" data-testid="not-drawn">
      <p>
        {t(`notDrawn.${notDrawn.code}`, {
          total: number(notDrawn.count ?? 0),
          limit: number(LIMIT_OF[notDrawn.code]),
        })}
      </p>
      <p>{t('notDrawn.seeProblems')}</p>
    </div>
  );
}

/** English and Korean group digits alike: 100,000. */
const number = (value: number) => value.toLocaleString('en-US');
