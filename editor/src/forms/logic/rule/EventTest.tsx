import { useTranslation } from 'react-i18next';
import { Field } from '../../Field.tsx';
import { ProblemList } from '../../ProblemList.tsx';
import { problemsAt } from '../../problems-at.ts';
import { unclaimed } from '../unclaimed.ts';
import { attributePath } from './contact-fields.ts';
import { messageSteps } from './message-steps.ts';
import type { PartProps } from './part-props.ts';
import { newCondition, withEvent } from './rule-edits.ts';
import type { EventPart } from './rule-model.ts';
import { TestActions } from './TestActions.tsx';
import { WhatFields } from './WhatFields.tsx';
import { ATTRIBUTE, UNLISTED } from './WhatSelect.tsx';

/**
 * A test of an event of the enrollment: which event, of which message step (or of any), and
 * for a custom event its name.
 */
export function EventTest(props: PartProps<EventPart>) {
  const { part, pointer, problems, onChange, label, context } = props;
  const { t } = useTranslation();
  const at = (key: string) => `${pointer}/${key}`;
  const custom = part.event === 'custom';
  const showStep = !custom || part.node !== undefined;
  const steps = messageSteps(context);
  const missing = part.node !== undefined && !steps.some((s) => s.id === part.node);

  const pick = (option: string) => {
    if (option.startsWith('event:')) onChange(withEvent(part, option.slice(6)), at('event'));
    else if (option === ATTRIBUTE) onChange(newCondition(attributePath('')), at('event'));
    else if (option !== UNLISTED) onChange(newCondition(option), at('event'));
  };
  const setNode = (node: string) => {
    const { node: _, ...rest } = part;
    onChange(node === '' ? rest : { ...part, node }, at('node'));
  };

  return (
    <fieldset className="rule-test" aria-label={label} data-testid="rule-test">
      <div className="rule-test__fields">
        <WhatFields
          label={t('logic.rule.what')}
          what={{ kind: 'event', event: part.event }}
          problems={problemsAt(problems, at('event'))}
          onPick={pick}
          onKey={() => {}}
        />
        {showStep && (
          <Field label={t('logic.rule.step')} problems={problemsAt(problems, at('node'))}>
            {({ id, describedBy, invalid }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={part.node ?? ''}
                onChange={(e) => setNode(e.target.value)}
              >
                <option value="">{t('logic.rule.anyStep')}</option>
                {steps.map((s) => (
                  <option key={s.id} value={s.id}>
                    {t('logic.rule.stepOption', {
                      id: s.id,
                      type: t(`step.types.${s.type}`),
                    })}
                  </option>
                ))}
                {missing && (
                  <option value={part.node}>
                    {t('logic.rule.missingStep', { id: part.node })}
                  </option>
                )}
              </select>
            )}
          </Field>
        )}
        {custom && (
          <Field
            label={t('logic.rule.eventName')}
            hint={t('logic.rule.eventNameHint')}
            problems={problemsAt(problems, at('name'))}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={part.name ?? ''}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => onChange({ ...part, name: e.target.value }, at('name'))}
              />
            )}
          </Field>
        )}
      </div>
      <TestActions {...props} kindLabel="condition" />
      <ProblemList
        problems={unclaimed(problems, [
          at('event'),
          ...(showStep ? [at('node')] : []),
          ...(custom ? [at('name')] : []),
        ])}
      />
    </fieldset>
  );
}
