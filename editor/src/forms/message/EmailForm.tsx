import type { Problem } from '@nudge/schema';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { TemplatePicker } from '../../templates/TemplatePicker.tsx';
import { Field } from '../Field.tsx';
import type { StepFormProps } from '../types.ts';
import { formatAddresses, formatSender, parseAddresses, parseSender } from './addresses.ts';
import { controlProps } from './controls.ts';
import { DraftInput } from './DraftInput.tsx';
import { EmailBodyField } from './EmailBodyField.tsx';
import { MoreOptions } from './MoreOptions.tsx';
import { withOptional } from './read.ts';
import { SendingField } from './SendingField.tsx';
import { StepProblems } from './StepProblems.tsx';
import { EMAIL_FORMATS, type EmailData, readEmail } from './step-data.ts';
import { fieldProblems, problemsBesideNoField } from './step-problems.ts';
import { TemplateField } from './TemplateField.tsx';
import { TemplateInput } from './TemplateInput.tsx';
import { useMergeCompletions } from './use-merge-completions.ts';
import { useVariableChoices } from './use-variable-choices.ts';

const FIELDS = ['subject', 'body', 'format', 'mode', 'from', 'replyTo', 'cc', 'bcc'] as const;
type Optional = 'subject' | 'from' | 'replyTo' | 'cc' | 'bcc';

/** A threaded email's missing subject is reported on the data (no subject to point at). */
const aboutNoSubject = (problem: Problem) => problem.code === 'thread_without_email';

/** An email: subject, body, format, sending; from, reply-to, cc and bcc under "More options". */
export function EmailForm({ step, pointer, problems, onChange, context }: StepFormProps<'email'>) {
  const { t } = useTranslation();
  const email = readEmail(step.data);
  const completions = useMergeCompletions(context.variables, { links: true });
  const variables = useVariableChoices(context, { links: true });
  const at = (field: string) => fieldProblems(problems, pointer, field);
  const set = <K extends keyof EmailData>(field: K, value: EmailData[K]) =>
    onChange({ ...email, [field]: value }, field);
  const setOptional = <K extends Optional>(field: K, value: EmailData[K]) =>
    onChange(withOptional(email, field, value), field);

  const subjectProblems = [
    ...at('subject'),
    ...problems.filter((p) => p.pointer === `${pointer}/data` && aboutNoSubject(p)),
  ];
  const rare = ['from', 'replyTo', 'cc', 'bcc'] as const;

  // Keyed by the step: another step gets fresh fields (the editor's own undo history too).
  return (
    <Fragment key={step.id}>
      <TemplatePicker
        channel="email"
        data={email}
        onChange={(next) => onChange(next, 'template')}
      />
      <StepProblems problems={problemsBesideNoField(problems, pointer, FIELDS, aboutNoSubject)} />
      <Field
        label={t('forms.email.subject')}
        hint={t('forms.email.subjectHint')}
        problems={subjectProblems}
      >
        {(control) => (
          <TemplateInput
            control={control}
            value={email.subject ?? ''}
            onChange={(subject) => setOptional('subject', subject)}
            variables={variables}
          />
        )}
      </Field>
      {email.format === 'html' ? (
        <EmailBodyField
          value={email.body}
          onChange={(body) => set('body', body)}
          problems={at('body')}
          completions={completions}
          variables={variables}
        />
      ) : (
        <TemplateField
          label={t('forms.email.body')}
          value={email.body}
          onChange={(body) => set('body', body)}
          problems={at('body')}
          completions={completions}
          variables={variables}
          language="text"
        />
      )}
      <Field label={t('forms.email.format')} problems={at('format')}>
        {(control) => (
          <select
            {...controlProps(control)}
            value={email.format}
            onChange={(event) => set('format', event.target.value as EmailData['format'])}
          >
            {EMAIL_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`forms.email.formats.${format}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SendingField
        mode={email.mode}
        problems={at('mode')}
        onChange={(mode) => set('mode', mode)}
      />
      <MoreOptions
        hasValue={rare.some((field) => email[field] !== undefined)}
        hasProblem={rare.some((field) => at(field).length > 0)}
      >
        <Field label={t('forms.email.from')} hint={t('forms.email.fromHint')} problems={at('from')}>
          {(control) => (
            <DraftInput
              {...controlProps(control)}
              autoComplete="off"
              value={email.from}
              parse={parseSender}
              format={formatSender}
              onChange={(from) => setOptional('from', from)}
            />
          )}
        </Field>
        <Field
          label={t('forms.email.replyTo')}
          hint={t('forms.email.replyToHint')}
          problems={at('replyTo')}
        >
          {(control) => (
            <input
              {...controlProps(control)}
              type="email"
              autoComplete="off"
              value={email.replyTo ?? ''}
              onChange={(event) => setOptional('replyTo', event.target.value.trim())}
            />
          )}
        </Field>
        {(['cc', 'bcc'] as const).map((field) => (
          <Field
            key={field}
            label={t(`forms.email.${field}`)}
            hint={t('forms.email.addressesHint')}
            problems={at(field)}
          >
            {(control) => (
              <DraftInput<string[]>
                {...controlProps(control)}
                autoComplete="off"
                value={email[field] ?? []}
                parse={parseAddresses}
                format={formatAddresses}
                onChange={(addresses) => setOptional(field, addresses)}
              />
            )}
          </Field>
        ))}
      </MoreOptions>
    </Fragment>
  );
}
