import type { EventType } from '@nudge/runtime/core';
import { useTranslation } from 'react-i18next';
import { numberValue } from './number-value.ts';
import type { ScriptLine } from './script.ts';

/** The events a script may hold (FORMAT.md section 6), but `custom`, which needs a name. */
export const SCRIPT_EVENT_TYPES = [
  'opened',
  'clicked',
  'replied',
  'delivered',
  'bounced',
  'unsubscribed',
] as const satisfies readonly EventType[];

const UNITS = ['minutes', 'hours', 'days'] as const;

/** The scripted events: each one a type, the step it concerns, and after how long. */
export function ScriptEditor({
  lines,
  steps,
  onChange,
}: {
  lines: ScriptLine[];
  steps: string[];
  onChange: (lines: ScriptLine[]) => void;
}) {
  const { t } = useTranslation();
  const change = (key: number, patch: Partial<ScriptLine>) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const add = () =>
    onChange([
      ...lines,
      {
        key: Math.max(0, ...lines.map((l) => l.key)) + 1,
        type: 'opened',
        node: '',
        amount: 2,
        unit: 'hours',
      },
    ]);
  return (
    <fieldset className="simulate__events">
      <legend>{t('simulate.events')}</legend>
      {lines.length === 0 && <p className="simulate__hint">{t('simulate.noEvents')}</p>}
      <ol>
        {lines.map((line, index) => {
          const number = index + 1;
          return (
            <li key={line.key} data-testid="script-line">
              <select
                aria-label={t('simulate.eventType', { number })}
                value={line.type}
                onChange={(e) => change(line.key, { type: e.target.value as EventType })}
              >
                {SCRIPT_EVENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`simulate.eventTypes.${type}`)}
                  </option>
                ))}
              </select>
              <select
                aria-label={`${t('simulate.eventStep')} (${number})`}
                value={line.node}
                onChange={(e) => change(line.key, { node: e.target.value })}
              >
                <option value="">{t('simulate.anyStep')}</option>
                {steps.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
              <input
                type="number"
                min={0}
                aria-label={`${t('simulate.after')} (${number})`}
                value={numberValue(line.amount)}
                onChange={(e) => change(line.key, { amount: e.target.valueAsNumber })}
              />
              <select
                aria-label={`${t('simulate.unit')} (${number})`}
                value={line.unit}
                onChange={(e) => change(line.key, { unit: e.target.value as ScriptLine['unit'] })}
              >
                {UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(`simulate.units.${unit}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button"
                aria-label={t('simulate.removeEvent', { number })}
                onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={add} data-testid="add-event">
        {t('simulate.addEvent')}
      </button>
    </fieldset>
  );
}
