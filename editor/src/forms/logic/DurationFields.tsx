import { type Problem, TIME_UNITS } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field.tsx';
import { problemsAt } from '../problems-at.ts';
import { IntegerField } from './IntegerField.tsx';

interface DurationFieldsProps {
  amount: unknown;
  unit: unknown;
  /** The pointer of the object that holds amount and unit. */
  pointer: string;
  problems: Problem[];
  onAmount(amount: number | undefined): void;
  onUnit(unit: string): void;
}

/** **Amount** and **Unit** side by side: a delay's, a wait's timeout. */
export function DurationFields({
  amount,
  unit,
  pointer,
  problems,
  onAmount,
  onUnit,
}: DurationFieldsProps) {
  const { t } = useTranslation();
  const known = (TIME_UNITS as readonly unknown[]).includes(unit);
  return (
    <div className="logic-row">
      <IntegerField
        label={t('logic.duration.amount')}
        pointer={`${pointer}/amount`}
        problems={problemsAt(problems, `${pointer}/amount`)}
        value={amount}
        onChange={onAmount}
        width={6}
      />
      <Field label={t('logic.duration.unit')} problems={problemsAt(problems, `${pointer}/unit`)}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={known ? (unit as string) : ''}
            onChange={(e) => onUnit(e.target.value)}
          >
            {!known && <option value="">{String(unit ?? '')}</option>}
            {TIME_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`logic.units.${u}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
