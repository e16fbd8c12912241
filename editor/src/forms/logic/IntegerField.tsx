import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field.tsx';
import { useDraft } from './use-draft.ts';

interface IntegerFieldProps {
  label: string;
  hint?: string;
  /** The value's pointer, to name a local problem like the validator's. */
  pointer: string;
  problems: Problem[];
  value: unknown;
  /** Whether it may be left empty (the property is then left out). */
  optional?: boolean;
  onChange(value: number | undefined): void;
  /** A few characters wide, for amounts and weights. */
  width?: number;
}

const INTEGER = /^\s*[-+]?\d{1,9}\s*$/;

/**
 * A whole number typed as text: "-" on the way to "-7" stays as typed and is not written; a
 * note says what is expected. The range is the validator's to check, beside it.
 */
export function IntegerField({
  label,
  hint,
  pointer,
  problems,
  value,
  optional = false,
  onChange,
  width,
}: IntegerFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useDraft(value, (v) =>
    typeof v === 'number' || typeof v === 'string' ? String(v) : '',
  );
  const parse = (s: string): { value: number | undefined } | null =>
    INTEGER.test(s)
      ? { value: Number(s) }
      : optional && s.trim() === ''
        ? { value: undefined }
        : null;
  const local: Problem[] =
    parse(draft) === null
      ? [{ severity: 'error', code: 'invalid_value', pointer, message: t('logic.wholeNumber') }]
      : [];
  return (
    <Field label={label} hint={hint} problems={[...local, ...problems]}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          inputMode="numeric"
          autoComplete="off"
          size={width}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={draft}
          onChange={(e) => {
            const parsed = parse(e.target.value);
            setDraft(e.target.value, parsed ?? undefined);
            if (parsed) onChange(parsed.value);
          }}
        />
      )}
    </Field>
  );
}
