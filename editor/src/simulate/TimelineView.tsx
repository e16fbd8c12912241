import {
  actionText,
  describeEntry,
  localClock,
  localText,
  type Simulation,
  statusPart,
} from '@nudge/runtime/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { timelineLanguage } from './language.ts';

/**
 * The timeline of one simulated contact, in the words `nudge simulate` prints (core's
 * timeline-text), local times in the contact's zone; then a slider through its moments,
 * which moves the contact's marker on the canvas. The entry at the slider is aria-current.
 *
 * Test hooks: data-testid="timeline-entry" with data-node and data-action; "simulate-status".
 */
export function TimelineView({
  simulation,
  until,
  position,
  onPosition,
}: {
  simulation: Simulation;
  until: string;
  position: number;
  onPosition: (position: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = timelineLanguage(i18n.language);
  const { zone, timeline } = simulation;
  const local = localClock(zone, lang);
  const status = statusPart(simulation.status, until, zone, lang);
  const current = timeline[position];
  const valueText = current
    ? t('simulate.timeAt', {
        when: localText(local(current.at)),
        action: actionText(current, lang),
        node: current.node,
      })
    : t('simulate.beforeStart');
  return (
    <section className="simulate__timeline" aria-label={t('simulate.timelineIn', { zone })}>
      <h3>{t('simulate.timelineIn', { zone })}</h3>
      {timeline.length === 0 ? (
        <p className="simulate__hint">{t('simulate.empty')}</p>
      ) : (
        <div className="simulate__slider">
          <label htmlFor={`${id}-time`}>{t('simulate.time')}</label>
          <input
            id={`${id}-time`}
            type="range"
            min={-1}
            max={timeline.length - 1}
            step={1}
            value={position}
            aria-valuetext={valueText}
            data-testid="simulate-time"
            onChange={(e) => onPosition(e.target.valueAsNumber)}
          />
          <output htmlFor={`${id}-time`}>{valueText}</output>
        </div>
      )}
      <ol className="simulate__entries">
        {timeline.map((entry, index) => (
          <li
            // Entries are the simulator's, in order; nothing reorders them.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            data-testid="timeline-entry"
            data-node={entry.node}
            data-action={entry.action}
            aria-current={index === position ? 'step' : undefined}
            className={
              index <= position ? 'simulate__entry simulate__entry--past' : 'simulate__entry'
            }
          >
            <button type="button" className="simulate__when" onClick={() => onPosition(index)}>
              {localText(local(entry.at))}
            </button>
            <span className="simulate__action">{actionText(entry, lang)}</span>
            <span className="simulate__node">{entry.node}</span>
            <span className="simulate__details">
              {describeEntry(entry, zone, lang).map((part, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are in order, never moved
                <span key={i} className={part.tone ? `simulate__part--${part.tone}` : undefined}>
                  {part.text}{' '}
                </span>
              ))}
            </span>
            {(entry.warnings ?? []).map((warning) => (
              <span key={warning} className="simulate__part--warning simulate__warning">
                {t('simulate.warning')}: {warning}
              </span>
            ))}
          </li>
        ))}
      </ol>
      <p
        className={status.tone ? `simulate__part--${status.tone}` : undefined}
        data-testid="simulate-status"
        data-status={simulation.status}
      >
        {t('simulate.status', { status: status.text })}
      </p>
    </section>
  );
}
