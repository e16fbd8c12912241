import { depthExceededAt, LIMITS, type Problem, parseJson } from '@nudge/schema';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../Field.tsx';
import { useDraft } from '../use-draft.ts';

interface RuleTextProps {
  value: unknown;
  pointer: string;
  problems: Problem[];
  onChange(rule: unknown, field: string): void;
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

export const formatRule = (rule: unknown) =>
  rule === undefined ? '' : (JSON.stringify(rule, null, 2) ?? '');

/**
 * The rule as JSON, for those who write or paste rules. It applies as soon as the text is a
 * JSON object; until then the text stays as typed and says why it is not applied. Whether
 * the object is a valid rule is the live validator's to say, beside it.
 */
export function RuleText({ value, pointer, problems, onChange }: RuleTextProps) {
  const { t } = useTranslation();
  const [text, setText] = useDraft(value, formatRule);
  const note = textNote(text, t);
  const noteId = useId();
  return (
    <Field label={t('logic.rule.json')} hint={t('logic.rule.jsonHint')} problems={problems}>
      {({ id, describedBy, invalid }) => (
        <>
          <textarea
            id={id}
            className="rule-text"
            rows={Math.min(24, Math.max(6, text.split('\n').length + 1))}
            spellCheck={false}
            aria-describedby={
              [describedBy, note ? noteId : undefined].filter(Boolean).join(' ') || undefined
            }
            aria-invalid={invalid || note !== null || undefined}
            value={text}
            onChange={(e) => {
              const parsed = readText(e.target.value);
              if (parsed.ok && isObject(parsed.value)) {
                setText(e.target.value, { value: parsed.value });
                onChange(parsed.value, `${pointer}#text`);
              } else setText(e.target.value);
            }}
          />
          {note && (
            <p className="rule-text__note" id={noteId} role="status" data-testid="rule-text-note">
              {note}
            </p>
          )}
        </>
      )}
    </Field>
  );
}

/** The text's JSON; text nested past any rule's depth is not parsed (the checks stay bounded). */
function readText(text: string) {
  return depthExceededAt(text, LIMITS.jsonDepth) >= 0 ? { ok: false as const } : parseJson(text);
}

/** Why the text is not applied, or null when it is a JSON object. */
function textNote(text: string, t: TFunction): string | null {
  if (depthExceededAt(text, LIMITS.jsonDepth) >= 0)
    return t('logic.rule.tooDeep', { limit: LIMITS.jsonDepth });
  const parsed = parseJson(text);
  if (parsed.ok) return isObject(parsed.value) ? null : t('logic.rule.notAnObject');
  const { line, column, found } = parsed.error;
  const detail =
    found === null
      ? t('logic.rule.unexpectedEnd')
      : t('logic.rule.unexpectedChar', { char: JSON.stringify(found) });
  return t('logic.rule.notJson', { detail: t('logic.rule.syntax', { line, column, detail }) });
}
