import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field.tsx';
import { TimeZoneCombobox } from './TimeZoneCombobox.tsx';
import { zoneOption } from './time-zones.ts';

export interface TimeZoneFieldProps {
  value: string;
  problems: Problem[];
  onChange(zone: string): void;
}

/** The settings' time zone: the searchable list, and what the chosen zone is now. */
export function TimeZoneField({ value, problems, onChange }: TimeZoneFieldProps) {
  const { t, i18n } = useTranslation();
  const current = value === '' ? null : zoneOption(value, i18n.language);
  const about =
    current &&
    [current.offset, value === 'UTC' ? t('settings.timezone.utc') : current.name]
      .filter(Boolean)
      .join(' · ');
  return (
    <Field
      label={t('settings.timezone.label')}
      hint={t('settings.timezone.hint')}
      problems={problems}
    >
      {(control) => (
        <>
          <TimeZoneCombobox {...control} value={value} onChange={onChange} />
          {about && (
            <p className="field__hint" data-testid="zone-now">
              {t('settings.timezone.now', { offset: about })}
            </p>
          )}
          {value !== '' && !current && problems.length === 0 && (
            <p className="field__hint">{t('settings.timezone.unknown')}</p>
          )}
        </>
      )}
    </Field>
  );
}
