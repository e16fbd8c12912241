import { type Problem, WEEKDAYS, type Weekday } from '@nudge/schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../forms/ProblemList.tsx';

export interface DaysFieldProps {
  days: readonly Weekday[];
  problems: Problem[];
  onToggle(day: Weekday, allowed: boolean): void;
}

/** The days messages may go out: seven checkboxes, Monday first (월..일 in Korean). */
export function DaysField({ days, problems, onToggle }: DaysFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <fieldset
      className={`field days${problems.some((p) => p.severity === 'error') ? ' field--invalid' : ''}`}
      aria-describedby={[hintId, problemsId].filter(Boolean).join(' ')}
    >
      <legend className="field__label">{t('settings.schedule.days')}</legend>
      <p className="field__hint" id={hintId}>
        {t('settings.schedule.daysHint')}
      </p>
      <div className="days__list">
        {WEEKDAYS.map((day) => (
          <label key={day} className="days__day" title={t(`settings.weekdayNames.${day}`)}>
            <input
              type="checkbox"
              checked={days.includes(day)}
              aria-label={t(`settings.weekdayNames.${day}`)}
              onChange={(e) => onToggle(day, e.currentTarget.checked)}
            />
            <span aria-hidden="true">{t(`settings.weekdays.${day}`)}</span>
          </label>
        ))}
      </div>
      <ProblemList id={problemsId} problems={problems} />
    </fieldset>
  );
}
