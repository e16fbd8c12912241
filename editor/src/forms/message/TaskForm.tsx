import { TASK_KINDS } from '@nudge/schema';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field.tsx';
import type { StepFormProps } from '../types.ts';
import { controlProps } from './controls.ts';
import { withOptional } from './read.ts';
import { StepProblems } from './StepProblems.tsx';
import { readTask, type TaskData } from './step-data.ts';
import { fieldProblems, problemsBesideNoField } from './step-problems.ts';

const FIELDS = ['kind', 'title', 'note', 'assignee', 'waitForCompletion'] as const;

/**
 * A task for a person (a call, a to-do): what, for whom, and whether the contact waits
 * until it is done. The assignee is the contact's owner (written "owner", or left out,
 * which means the same) or an email address.
 */
export function TaskForm({ step, pointer, problems, onChange }: StepFormProps<'task'>) {
  const { t } = useTranslation();
  const task = readTask(step.data);
  const at = (field: string) => fieldProblems(problems, pointer, field);
  const set = <K extends keyof TaskData>(field: K, value: TaskData[K]) =>
    onChange({ ...task, [field]: value }, field);
  const setOptional = <K extends 'note' | 'waitForCompletion'>(field: K, value: TaskData[K]) =>
    onChange(withOptional(task, field, value), field);
  const byEmail = task.assignee !== undefined && task.assignee !== 'owner';

  // Keyed by the step: another step gets fresh fields (the editor's own undo history too).
  return (
    <Fragment key={step.id}>
      <StepProblems problems={problemsBesideNoField(problems, pointer, FIELDS)} />
      <Field label={t('forms.task.kind')} problems={at('kind')}>
        {(control) => (
          <select
            {...controlProps(control)}
            value={task.kind}
            onChange={(event) => set('kind', event.target.value as TaskData['kind'])}
          >
            {TASK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`forms.task.kinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('forms.task.title')} problems={at('title')}>
        {(control) => (
          <input
            {...controlProps(control)}
            type="text"
            value={task.title}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('forms.task.note')} hint={t('forms.task.noteHint')} problems={at('note')}>
        {(control) => (
          <textarea
            {...controlProps(control)}
            rows={4}
            value={task.note ?? ''}
            onChange={(event) => setOptional('note', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('forms.task.assignee')} problems={byEmail ? [] : at('assignee')}>
        {(control) => (
          <select
            {...controlProps(control)}
            value={byEmail ? 'email' : 'owner'}
            // Choosing "someone else" starts an empty address, which the validator flags
            // until it is typed in the field that appears below.
            onChange={(event) => set('assignee', event.target.value === 'email' ? '' : 'owner')}
          >
            <option value="owner">{t('forms.task.assignees.owner')}</option>
            <option value="email">{t('forms.task.assignees.email')}</option>
          </select>
        )}
      </Field>
      {byEmail && (
        <Field label={t('forms.task.assigneeEmail')} problems={at('assignee')}>
          {(control) => (
            <input
              {...controlProps(control)}
              type="email"
              autoComplete="off"
              value={task.assignee}
              onChange={(event) => set('assignee', event.target.value.trim())}
            />
          )}
        </Field>
      )}
      <div className="check-field">
        <Field
          label={t('forms.task.waitForCompletion')}
          hint={t('forms.task.waitForCompletionHint')}
          problems={at('waitForCompletion')}
        >
          {(control) => (
            <input
              {...controlProps(control)}
              type="checkbox"
              checked={task.waitForCompletion ?? false}
              onChange={(event) => setOptional('waitForCompletion', event.target.checked)}
            />
          )}
        </Field>
      </div>
    </Fragment>
  );
}
