import type { Problem, Schedule } from '@nudge/schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field.tsx';
import { ProblemList } from '../forms/ProblemList.tsx';
import { problemsAt } from '../forms/problems-at.ts';
import { DaysField } from './DaysField.tsx';
import { leftoverProblems, POINTERS } from './pointers.ts';
import { readSchedule, type ScheduleKind, scheduleOfKind, withDay, withTime } from './schedule.ts';
import { withSetting } from './settings-edit.ts';
import type { SectionProps } from './types.ts';

const KINDS: readonly ScheduleKind[] = ['any', 'window', 'fixed'];

/**
 * When messages may go out: any time, a send window or a fixed time, on chosen days. The
 * validator's problems of the schedule as a whole (a window that ends before it starts, a
 * missing time) show beside the time that closes the window, or the fixed time.
 */
export function ScheduleFields({ settings, problems, write }: SectionProps) {
  const { t } = useTranslation();
  const name = useId();
  const raw = (settings as { schedule?: unknown } | undefined)?.schedule;
  const schedule = readSchedule(raw);
  const whole = problemsAt(problems, POINTERS.schedule, true);
  const at = (key: string) => problemsAt(problems, `${POINTERS.schedule}/${key}`);
  // In a window or fixed time, what no field shows (an unknown property) shows under the kind.
  const others =
    schedule.kind === 'any'
      ? problemsAt(problems, POINTERS.schedule)
      : leftoverProblems(
          problems,
          POINTERS.schedule,
          ['days', 'start', 'end', 'at'].map((key) => `${POINTERS.schedule}/${key}`),
        ).filter((p) => p.pointer !== POINTERS.schedule);
  const set = (next: Schedule | undefined, field: string) =>
    write(withSetting(settings, 'schedule', next), field);

  const time = (key: 'start' | 'end' | 'at', extra: Problem[] = []) => (
    <Field
      label={t(`settings.schedule.${key}`)}
      hint={key === 'end' ? t('settings.schedule.endHint') : t('settings.schedule.timeHint')}
      problems={[...at(key), ...extra]}
    >
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="HH:MM"
          maxLength={5}
          size={6}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={schedule[key]}
          onChange={(e) => set(withTime(raw, key, e.currentTarget.value), `schedule.${key}`)}
        />
      )}
    </Field>
  );

  return (
    <>
      <fieldset className="field schedule-kind">
        <legend className="field__label">{t('settings.schedule.kind')}</legend>
        {KINDS.map((kind) => (
          <div key={kind} className="check">
            <input
              type="radio"
              id={`${name}-${kind}`}
              name={name}
              checked={schedule.kind === kind}
              aria-describedby={`${name}-${kind}-hint`}
              onChange={() => set(scheduleOfKind(raw, kind), 'schedule.kind')}
            />
            <label htmlFor={`${name}-${kind}`}>{t(`settings.schedule.${kind}`)}</label>
            <p className="field__hint check__hint" id={`${name}-${kind}-hint`}>
              {t(`settings.schedule.${kind}Hint`)}
            </p>
          </div>
        ))}
        <ProblemList problems={others} />
      </fieldset>
      {schedule.kind !== 'any' && (
        <>
          <DaysField
            days={schedule.days}
            problems={at('days')}
            onToggle={(day, allowed) => set(withDay(raw, day, allowed), 'schedule.days')}
          />
          <div className="times">
            {schedule.kind === 'window' ? (
              <>
                {time('start')}
                {time('end', whole)}
              </>
            ) : (
              time('at', whole)
            )}
          </div>
        </>
      )}
    </>
  );
}
