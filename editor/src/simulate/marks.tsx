import { EdgeLabelRenderer } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { LinkMark, StepMark } from './store.ts';
import './marks.css';

/**
 * What a step card shows of a simulation: "what if" reach as a badge, and for screen readers,
 * that the path passes here or that the simulated contact is here (the card's outline says it
 * to the eye). Test hooks: data-testid="step-reached" (data-count), "step-here", "step-on-path".
 */
export function SimulationMark({ mark }: { mark: StepMark }) {
  const { t } = useTranslation();
  return (
    <>
      {mark.here ? (
        <span className="simulate-sr-only" data-testid="step-here">
          {t('simulate.here')}
        </span>
      ) : (
        mark.onPath && (
          <span className="simulate-sr-only" data-testid="step-on-path">
            {t('simulate.onPath')}
          </span>
        )
      )}
      {mark.reached !== null && (
        <span
          className="step__reached"
          data-testid="step-reached"
          data-count={mark.reached}
          role="img"
          aria-label={t('simulate.reached', { count: mark.reached, of: mark.of })}
          title={t('simulate.reached', { count: mark.reached, of: mark.of })}
        >
          {mark.reached.toLocaleString()}
        </span>
      )}
    </>
  );
}

/** A link's share of its step's "what if" contacts, beside its middle. */
export function LinkSplit({ mark, x, y }: { mark: LinkMark; x: number; y: number }) {
  const { t } = useTranslation();
  if (mark.took === null || mark.share === null) return null;
  const percent = Math.round(mark.share * 100);
  const label = t('simulate.took', { count: mark.took, percent });
  return (
    <EdgeLabelRenderer>
      <span
        className="link__split"
        data-testid="link-split"
        data-count={mark.took}
        role="img"
        aria-label={label}
        title={label}
        style={{ transform: `translate(-50%, 0) translate(${x}px, ${y + 12}px)` }}
      >
        {mark.took.toLocaleString()} · {percent}%
      </span>
    </EdgeLabelRenderer>
  );
}
