import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field.tsx';
import { describedBy } from './controls.ts';
import { LiquidEditor } from './LiquidEditor.tsx';
import type { TemplateLanguage } from './liquid-language.ts';
import type { MergeCompletions } from './merge-variables.ts';
import { SmsSizeNote } from './SmsSizeNote.tsx';

export interface TemplateFieldProps {
  label: string;
  /** Said under the label; by default, how merge variables are written. */
  hint?: string;
  value: string;
  onChange(value: string): void;
  problems: Problem[];
  completions: MergeCompletions;
  language?: TemplateLanguage;
  /** Show the text's size as an SMS or LMS under it (a text message, AlimTalk's fallback). */
  smsSize?: boolean;
}

/** A labelled Liquid template: its editor, its problems beside it, and for SMS its size. */
export function TemplateField(props: TemplateFieldProps) {
  const { t } = useTranslation();
  const { value, smsSize = false } = props;
  const hint =
    props.hint ??
    t('forms.template.hint', { example: '{{ contact.name }}', alias: '{{ 고객명 }}' });
  return (
    <Field label={props.label} hint={hint} problems={props.problems}>
      {(control) => (
        <SmsSizeNote text={value} shown={smsSize}>
          {(size) => (
            <LiquidEditor
              id={control.id}
              labelledBy={control.labelId}
              describedBy={describedBy(control.describedBy, size.describedBy)}
              invalid={control.invalid || size.tooLong}
              value={value}
              onChange={props.onChange}
              language={props.language ?? 'text'}
              completions={props.completions}
            />
          )}
        </SmsSizeNote>
      )}
    </Field>
  );
}
