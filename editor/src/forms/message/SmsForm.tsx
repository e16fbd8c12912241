import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { TemplatePicker } from '../../templates/TemplatePicker.tsx';
import type { StepFormProps } from '../types.ts';
import { SendingField } from './SendingField.tsx';
import { StepProblems } from './StepProblems.tsx';
import { readSms, type SmsData } from './step-data.ts';
import { fieldProblems, problemsBesideNoField } from './step-problems.ts';
import { TemplateField } from './TemplateField.tsx';
import { useMergeCompletions } from './use-merge-completions.ts';
import { useVariableChoices } from './use-variable-choices.ts';

/** A text message: its text with its size (SMS or LMS), and how it is sent. */
export function SmsForm({ step, pointer, problems, onChange, context }: StepFormProps<'sms'>) {
  const { t } = useTranslation();
  const sms = readSms(step.data);
  const completions = useMergeCompletions(context.variables);
  const variables = useVariableChoices(context);
  const set = <K extends keyof SmsData>(field: K, value: SmsData[K]) =>
    onChange({ ...sms, [field]: value }, field);
  // Keyed by the step: another step gets fresh fields (the editor's own undo history too).
  return (
    <Fragment key={step.id}>
      <TemplatePicker channel="sms" data={sms} onChange={(next) => onChange(next, 'template')} />
      <StepProblems problems={problemsBesideNoField(problems, pointer, ['body', 'mode'])} />
      <TemplateField
        label={t('forms.sms.text')}
        value={sms.body}
        onChange={(body) => set('body', body)}
        problems={fieldProblems(problems, pointer, 'body')}
        completions={completions}
        variables={variables}
        smsSize
      />
      <SendingField
        mode={sms.mode}
        problems={fieldProblems(problems, pointer, 'mode')}
        onChange={(mode) => set('mode', mode)}
      />
    </Fragment>
  );
}
