import type { Problem } from '@nudge/schema';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field.tsx';

export interface GoalFieldProps {
  /** The goal rule as the file has it; undefined for none. */
  value: unknown;
  problems: Problem[];
  /** Writes the new goal; undefined removes it. */
  onChange(goal: unknown): void;
}

const textOf = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

/**
 * The exit goal as a RULE in JSON: the text is written to the file each time it parses (the
 * validator then checks the rule), and kept in the field only while it doesn't. Empty text
 * removes the goal.
 */
export function GoalField({ value, problems, onChange }: GoalFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => textOf(value));
  const [parseError, setParseError] = useState<string | null>(null);

  // When the goal changes from elsewhere (undo), show it; not while the text says the same.
  useEffect(() => {
    setText((current) => (sameRule(current, value) ? current : textOf(value)));
    setParseError(null);
  }, [value]);

  function edit(next: string) {
    setText(next);
    if (next.trim() === '') {
      setParseError(null);
      onChange(undefined);
      return;
    }
    try {
      const rule: unknown = JSON.parse(next);
      setParseError(null);
      onChange(rule);
    } catch (error) {
      setParseError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <Field
      label={t('settings.exit.goalJson')}
      hint={`${t('settings.exit.goalHint')} ${t('settings.exit.goalJsonHint')}`}
      problems={problems}
    >
      {({ id, describedBy, invalid }) => (
        <>
          <textarea
            id={id}
            rows={4}
            spellCheck={false}
            className="goal-json"
            aria-describedby={
              [describedBy, parseError ? `${id}-parse` : undefined].filter(Boolean).join(' ') ||
              undefined
            }
            aria-invalid={invalid || parseError !== null || undefined}
            value={text}
            onChange={(e) => edit(e.currentTarget.value)}
          />
          {parseError && (
            <p className="field__problem field__problem--error" id={`${id}-parse`} role="status">
              {t('settings.exit.notJson', { detail: parseError })}
            </p>
          )}
        </>
      )}
    </Field>
  );
}

/** Whether `text` parses to `value` (whitespace and key spacing aside). */
function sameRule(text: string, value: unknown): boolean {
  if (text.trim() === '') return value === undefined;
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}
