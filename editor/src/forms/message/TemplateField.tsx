import type { Problem } from '@nudge/schema';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field.tsx';
import { describedBy } from './controls.ts';
import type { InsertTarget } from './insert-target.ts';
import { LiquidEditor } from './LiquidEditor.tsx';
import type { TemplateLanguage } from './liquid-language.ts';
import type { MergeCompletions } from './merge-variables.ts';
import { SmsSizeNote } from './SmsSizeNote.tsx';
import { VariableMenu } from './VariableMenu.tsx';
import type { VariableChoice } from './variable-choices.ts';

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
  /** What the "Insert variable" menu above the editor offers; no menu without it. */
  variables?: readonly VariableChoice[];
}

/**
 * A labelled Liquid template: its editor, its problems beside it, for SMS its size, and the
 * "Insert variable" menu when given the variables.
 */
export function TemplateField(props: TemplateFieldProps) {
  const { t } = useTranslation();
  const { value, smsSize = false } = props;
  const editor = useRef<InsertTarget>(null);
  const hint =
    props.hint ??
    t('forms.template.hint', { example: '{{ contact.name }}', alias: '{{ 고객명 }}' });
  return (
    <Field label={props.label} hint={hint} problems={props.problems}>
      {(control) => (
        <>
          {props.variables && (
            <VariableMenu labelId={control.labelId} choices={props.variables} target={editor} />
          )}
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
                handle={editor}
              />
            )}
          </SmsSizeNote>
        </>
      )}
    </Field>
  );
}
