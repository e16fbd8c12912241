import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field.tsx';
import { controlProps } from './controls.ts';
import { SENDING_MODES } from './step-data.ts';

type Mode = (typeof SENDING_MODES)[number];

/** Sending: automatic (in the send window) or manual (a task for a person to send it). */
export function SendingField({
  mode,
  problems,
  onChange,
}: {
  mode: Mode;
  problems: Problem[];
  onChange(mode: Mode): void;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('forms.sending.label')} problems={problems}>
      {(control) => (
        <select
          {...controlProps(control)}
          value={mode}
          onChange={(event) => onChange(event.target.value as Mode)}
        >
          {SENDING_MODES.map((value) => (
            <option key={value} value={value}>
              {t(`forms.sending.${value}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
