import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field.tsx';
import { ProblemList } from '../forms/ProblemList.tsx';
import { problemsAt } from '../forms/problems-at.ts';
import { CheckboxField } from './CheckboxField.tsx';
import {
  CHECKED_CALENDARS,
  countryName,
  HOLIDAY_COUNTRIES,
  MAX_CALENDARS,
  otherCalendars,
  shownCalendars,
  withCalendar,
} from './holiday-calendars.ts';
import { POINTERS } from './pointers.ts';
import { readSettings } from './read-settings.ts';
import { withSetting } from './settings-edit.ts';
import type { SectionProps } from './types.ts';

/**
 * The public holiday calendars whose days are closed: Korea, the United States and Japan as
 * checkboxes (their data is checked against the official lists), any other the runtime has
 * added from a list of countries by name.
 */
export function HolidayFields({ settings, problems, write }: SectionProps) {
  const { t, i18n } = useTranslation();
  const legendId = useId();
  const chosen = readSettings(settings).holidays;
  const full = chosen.length >= MAX_CALENDARS;
  const key = chosen.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `chosen`, a new array each render
  const others = useMemo(() => otherCalendars(chosen, i18n.language), [key, i18n.language]);
  const set = (next: string[]) => write(withSetting(settings, 'holidays', next), 'holidays');
  return (
    <>
      <fieldset className="field" aria-labelledby={legendId}>
        <legend className="field__label" id={legendId}>
          {t('settings.holidays.legend')}
        </legend>
        <p className="field__hint">{t('settings.holidays.hint')}</p>
        {shownCalendars(chosen).map((code) => {
          const on = chosen.includes(code);
          const notes = [
            CHECKED_CALENDARS.includes(code) ? t('settings.holidays.checked') : '',
            HOLIDAY_COUNTRIES.includes(code) ? '' : t('settings.holidays.unknown'),
          ].filter(Boolean);
          return (
            <CheckboxField
              key={code}
              label={`${countryName(code, i18n.language)} (${code})`}
              hint={notes.join(' · ') || undefined}
              checked={on}
              onChange={(checked) => set(withCalendar(chosen, code, checked))}
            />
          );
        })}
        <ProblemList problems={problemsAt(problems, POINTERS.holidays)} />
      </fieldset>
      <Field
        label={t('settings.holidays.add')}
        hint={full ? t('settings.holidays.limit', { count: MAX_CALENDARS }) : undefined}
      >
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            disabled={full}
            value=""
            onChange={(e) => {
              const code = e.currentTarget.value;
              if (code) set(withCalendar(chosen, code, true));
            }}
          >
            <option value="">{t('settings.holidays.choose')}</option>
            {others.map(({ code, name }) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
