import type { Problem } from '@nudge/schema';
import { useId } from 'react';
import { ProblemList } from '../forms/ProblemList.tsx';

export interface CheckboxFieldProps {
  label: string;
  hint?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  problems?: Problem[];
}

/** A checkbox with its label beside it (Field puts labels above), its hint and its problems. */
export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
  problems = [],
}: CheckboxFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const describedBy = [hintId, problemsId].filter(Boolean).join(' ') || undefined;
  const invalid = problems.some((p) => p.severity === 'error');
  return (
    <div className={`field field--check${invalid ? ' field--invalid' : ''}`}>
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p className="field__hint check__hint" id={hintId}>
          {hint}
        </p>
      )}
      <ProblemList id={problemsId} problems={problems} />
    </div>
  );
}
