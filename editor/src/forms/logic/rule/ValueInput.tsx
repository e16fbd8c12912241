import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Field } from '../../Field.tsx';
import { useDraft } from '../use-draft.ts';
import { formatLines, formatValue, parseLines, parseValue, type ValueKind } from './values.ts';

interface ValueInputProps {
  /** The value's pointer, to name local problems like the validator's. */
  pointer: string;
  problems: Problem[];
  value: unknown;
  kind: ValueKind;
  /** A list of values (the "is one of" comparison), one a line. */
  list: boolean;
  onChange(value: unknown): void;
  /** The label of a single value: "Value" unless told. */
  label?: string;
}

/**
 * The value of a condition, in the control its type calls for. Text that is not yet a value
 * ("1." on the way to 1.5, "abc" in a number) stays as typed, with a note, and is not written.
 */
export function ValueInput(props: ValueInputProps) {
  const { pointer, problems, value, kind, list, onChange } = props;
  const { t } = useTranslation();
  const label = props.label ?? t('logic.rule.value');
  if (list && kind !== 'json')
    return <ListInput {...{ pointer, problems, value, kind, onChange }} />;
  if (kind === 'boolean')
    return (
      <Field label={label} problems={problems}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={String(value === true)}
            onChange={(e) => onChange(e.target.value === 'true')}
          >
            <option value="true">{t('logic.rule.yes')}</option>
            <option value="false">{t('logic.rule.no')}</option>
          </select>
        )}
      </Field>
    );
  if (kind === 'date' || kind === 'text')
    return (
      <Field label={label} problems={problems}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type={kind}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </Field>
    );
  return <TypedInput {...{ pointer, problems, value, kind, onChange, label }} />;
}

/** A number, or JSON (null, an object, a mixed list): typed as text, written when it parses. */
function TypedInput(props: Omit<ValueInputProps, 'list'> & { label: string }) {
  const { pointer, problems, value, kind, onChange, label } = props;
  const { t } = useTranslation();
  const [text, setText] = useDraft(value, (v) => formatValue(v, kind));
  const parsed = parseValue(text, kind);
  const local: Problem[] = parsed
    ? []
    : [
        {
          severity: 'error',
          code: 'invalid_value',
          pointer,
          message:
            kind === 'number'
              ? t('logic.rule.notANumber')
              : t('logic.rule.notJson', { detail: text }),
        },
      ];
  return (
    <Field
      label={kind === 'json' && Array.isArray(value) ? t('logic.rule.values') : label}
      problems={[...local, ...problems]}
    >
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          inputMode={kind === 'number' ? 'decimal' : undefined}
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={text}
          onChange={(e) => {
            const next = parseValue(e.target.value, kind);
            setText(e.target.value, next ?? undefined);
            if (next) onChange(next.value);
          }}
        />
      )}
    </Field>
  );
}

/** The values of "is one of", one a line. */
function ListInput({ pointer, problems, value, kind, onChange }: Omit<ValueInputProps, 'list'>) {
  const { t } = useTranslation();
  const items = Array.isArray(value) ? value : [];
  const [text, setText] = useDraft(items, (v) => formatLines(v, kind));
  const parsed = parseLines(text, kind);
  const local: Problem[] =
    'bad' in parsed
      ? [
          {
            severity: 'error',
            code: 'invalid_value',
            pointer,
            message: t('logic.rule.notAList', {
              line: parsed.bad,
              kind: t(`logic.rule.kinds.${kind}`),
            }),
          },
        ]
      : [];
  return (
    <Field
      label={t('logic.rule.values')}
      hint={t('logic.rule.valuesHint')}
      problems={[...local, ...problems]}
    >
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={Math.min(8, Math.max(2, items.length + 1))}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={text}
          onChange={(e) => {
            const next = parseLines(e.target.value, kind);
            const list = 'list' in next ? next.list : undefined;
            setText(e.target.value, list ? { value: list } : undefined);
            if (list) onChange(list);
          }}
        />
      )}
    </Field>
  );
}
