import type { Problem } from '@nudge/schema';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { problemDetail, problemTitle } from '../problems/title.ts';
import './forms.css';

export interface FieldProps {
  label: string;
  /** A line under the label that says what the field does (e.g. "empty = reply in the thread"). */
  hint?: string;
  /** The live validator's problems about this field (see problemsAt). */
  problems?: Problem[];
  /**
   * The control, given the id its label points at and the ids that describe it (hint and
   * problems), to pass as `id` and `aria-describedby`; `invalid` for `aria-invalid`.
   * `labelId` is the label's own id, for a control a <label for> can't name (a code editor's
   * content element): pass it as `aria-labelledby`.
   */
  children: (control: {
    id: string;
    labelId: string;
    describedBy: string | undefined;
    invalid: boolean;
  }) => ReactNode;
}

/**
 * One labelled field of a form, with its hint and its problems beside it, in the UI's language
 * (the title by code, then the validator's own message, which names the values involved).
 * Test hooks: data-testid="field-problem" with data-code on each problem.
 */
export function Field({ label, hint, problems = [], children }: FieldProps) {
  const id = useId();
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const describedBy = [hintId, problemsId].filter(Boolean).join(' ') || undefined;
  const invalid = problems.some((p) => p.severity === 'error');
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label className="field__label" id={`${id}-label`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, labelId: `${id}-label`, describedBy, invalid })}
      {problemsId && (
        <ul className="field__problems" id={problemsId}>
          {problems.map((p, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; order is stable
              key={i}
              className={`field__problem field__problem--${p.severity}`}
              data-testid="field-problem"
              data-code={p.code}
            >
              <strong>{problemTitle(p, t)}</strong> {problemDetail(p, t)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A group of fields under a legend (a fieldset), e.g. "Fallback SMS" or one split branch. */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="field-group">
      <legend className="field-group__legend">{legend}</legend>
      {children}
    </fieldset>
  );
}
