import { TIMELINE_WORDS } from '@nudge/runtime/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContactEntries } from '../contacts/contact-choice.ts';
import { runWhatIf } from './client.ts';
import { timelineLanguage } from './language.ts';
import { numberValue } from './number-value.ts';
import type { Runnable } from './runnable.ts';
import { SCRIPT_EVENT_TYPES } from './ScriptEditor.tsx';
import { simulationMarks } from './store.ts';
import { WHAT_IF_LIMIT, type WhatIfResult } from './what-if.ts';

type Odds = Record<(typeof SCRIPT_EVENT_TYPES)[number], number>;

/**
 * "What if": N contacts (varied from the listed ones), each doing each event with a chance;
 * the counts go on the canvas (a badge on each step, the split on each link) and the endings
 * are listed here.
 */
export function WhatIfTab({
  runnable,
  initialStart,
}: {
  runnable: Extract<Runnable, { kind: 'ready' }>;
  initialStart?: number;
}) {
  const { t, i18n } = useTranslation();
  const words = TIMELINE_WORDS[timelineLanguage(i18n.language)];
  const id = useId();
  const { entries } = useContactEntries();
  const [count, setCount] = useState(1000);
  const [odds, setOdds] = useState<Odds>({
    opened: 30,
    clicked: 10,
    replied: 5,
    delivered: 0,
    bounced: 1,
    unsubscribed: 1,
  });
  const [seed, setSeed] = useState(1);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  // Counts finished runs, for tests and the bench to tell one run's answer from the next.
  const [runs, setRuns] = useState(0);
  useEffect(() => () => simulationMarks.setState({ whatIf: null }), []);

  const go = async () => {
    setRunning(true);
    setError(null);
    try {
      const start = initialStart ?? Math.ceil(Date.now() / 3_600_000) * 3_600_000;
      const found = await runWhatIf({
        sequence: runnable.sequence,
        contacts: entries.map((e) => e.contact),
        count: Math.min(WHAT_IF_LIMIT, Math.max(1, count || 1)),
        odds: Object.fromEntries(
          Object.entries(odds).map(([type, percent]) => [type, (percent || 0) / 100]),
        ),
        start: new Date(start).toISOString(),
        days: 60,
        seed,
      });
      setResult(found);
      setRuns((n) => n + 1);
      simulationMarks.setState({ whatIf: found });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="simulate__what-if">
      <form
        className="simulate__setup"
        onSubmit={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        <label htmlFor={`${id}-count`}>{t('simulate.contacts')}</label>
        <input
          id={`${id}-count`}
          type="number"
          min={1}
          max={WHAT_IF_LIMIT}
          value={numberValue(count)}
          aria-describedby={`${id}-count-hint`}
          data-testid="what-if-count"
          onChange={(e) => setCount(e.target.valueAsNumber)}
        />
        <span id={`${id}-count-hint`} className="simulate__hint">
          {t('simulate.contactsHint', { limit: WHAT_IF_LIMIT.toLocaleString() })}
        </span>
        <fieldset className="simulate__odds">
          <legend>{t('simulate.odds')}</legend>
          {SCRIPT_EVENT_TYPES.map((type) => (
            <label key={type}>
              <span>{t(`simulate.eventTypes.${type}`)}</span>
              <input
                type="number"
                min={0}
                max={100}
                value={numberValue(odds[type])}
                data-testid={`what-if-odds-${type}`}
                onChange={(e) => setOdds({ ...odds, [type]: e.target.valueAsNumber })}
              />
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-seed`}>{t('simulate.seed')}</label>
        <input
          id={`${id}-seed`}
          type="number"
          value={seed}
          onChange={(e) => setSeed(e.target.valueAsNumber || 0)}
        />
        <button type="submit" className="button" disabled={running} data-testid="what-if-run">
          {running ? t('simulate.running') : t('simulate.run')}
        </button>
      </form>
      {error && (
        <p role="alert" className="simulate__error">
          {t('simulate.failed', { message: error })}
        </p>
      )}
      {result && (
        <section
          aria-live="polite"
          data-testid="what-if-result"
          data-ms={result.ms}
          data-run={runs}
        >
          <p>{t('simulate.whatIfResult', { count: result.count, ms: result.ms })}</p>
          {result.failed > 0 && (
            <p className="simulate__error">
              {t('simulate.whatIfFailed', { failed: result.failed, message: result.firstError })}
            </p>
          )}
          <h3>{t('simulate.statuses')}</h3>
          <ul>
            {Object.entries(result.statuses).map(([status, n]) => (
              <li key={status} data-testid="what-if-status" data-status={status}>
                {words.statuses[status as keyof typeof words.statuses] ?? status}: {n}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
