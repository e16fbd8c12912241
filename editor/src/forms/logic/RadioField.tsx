import type { Problem } from '@nudge/schema';
import { useId } from 'react';
import { ProblemList } from '../ProblemList.tsx';

interface RadioFieldProps<V extends string> {
  legend: string;
  hint?: string;
  /** The value checked; one that is no option checks none (the validator says why). */
  value: unknown;
  options: ReadonlyArray<{ value: V; label: string }>;
  problems: Problem[];
  onChange(value: V): void;
}

/** A choice between a few options, as radio buttons in a named group, its problems under it. */
export function RadioField<V extends string>({
  legend,
  hint,
  value,
  options,
  problems,
  onChange,
}: RadioFieldProps<V>) {
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset className="field-group logic-choice" aria-describedby={hint ? hintId : undefined}>
      <legend className="field-group__legend">{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
      <ProblemList problems={problems} />
    </fieldset>
  );
}
