import type { NodeData } from '@nudge/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field.tsx';
import { problemsAt } from '../problems-at.ts';
import type { StepFormProps } from '../types.ts';
import { DurationFields } from './DurationFields.tsx';
import { IntegerField } from './IntegerField.tsx';
import { RadioField } from './RadioField.tsx';
import { type Loose, pick, text, withKey } from './read.ts';
import { attributePath, CONTACT_FIELDS } from './rule/contact-fields.ts';
import { WhatFields } from './rule/WhatFields.tsx';
import { ATTRIBUTE, UNLISTED } from './rule/WhatSelect.tsx';
import { StepProblems } from './StepProblems.tsx';

type Kind = 'time' | 'date';

/** Text fields may hold a date in a workspace's data; tags and consent never do. */
const DATE_FIELDS = CONTACT_FIELDS.filter((f) => f.kind === 'text');

const FOR_TIME: Loose = { amount: 1, unit: 'days' };
const UNTIL_DATE: Loose = { until: { field: attributePath('') } };

/**
 * delay: for an amount of time, or until a date of the contact's (an attribute such as
 * renewal_date), shifted by some days, at a time of day, with what to do when it has passed.
 * Switching between the two keeps what the other held, to switch back to.
 */
export function DelayForm({ step, pointer, problems, onChange }: StepFormProps<'delay'>) {
  const { t } = useTranslation();
  const raw = step.data;
  const kind: Kind = typeof raw === 'object' && raw !== null && 'until' in raw ? 'date' : 'time';
  const time = pick(raw, ['amount', 'unit']);
  const date = pick(raw, ['until', 'ifPast']);
  const until = pick(date.until, ['field', 'offsetDays', 'at']);
  // What the other kind held, to switch back to; for this step only (the panel may show
  // another step in the same form).
  const [memory, setMemory] = useState({ step: step.id, time: FOR_TIME, date: UNTIL_DATE });
  const kept =
    memory.step === step.id ? memory : { step: step.id, time: FOR_TIME, date: UNTIL_DATE };

  const data = `${pointer}/data`;
  const write = (next: Loose, field: string) => onChange(next as NodeData<'delay'>, field);
  const setUntil = (key: string, value: unknown) =>
    write({ ...date, until: withKey(until, key, value) }, `until.${key}`);
  const switchTo = (to: Kind) => {
    if (to === kind) return;
    setMemory({ ...kept, [kind]: kind === 'time' ? time : date });
    write(kept[to], 'kind');
  };
  const pickField = (option: string) => {
    if (option === ATTRIBUTE) setUntil('field', attributePath(''));
    else if (option !== UNLISTED) setUntil('field', option);
  };

  return (
    <div className="logic-form">
      <StepProblems
        problems={problems}
        pointer={pointer}
        claimed={
          kind === 'time'
            ? [`${data}/amount`, `${data}/unit`]
            : [
                `${data}/until/field`,
                `${data}/until/offsetDays`,
                `${data}/until/at`,
                `${data}/ifPast`,
              ]
        }
      />
      <RadioField
        legend={t('logic.delay.kind')}
        value={kind}
        options={[
          { value: 'time', label: t('logic.delay.forTime') },
          { value: 'date', label: t('logic.delay.untilDate') },
        ]}
        problems={[]}
        onChange={switchTo}
      />
      {kind === 'time' ? (
        <DurationFields
          amount={time.amount}
          unit={time.unit}
          pointer={data}
          problems={problems}
          onAmount={(amount) => write(withKey(time, 'amount', amount), 'amount')}
          onUnit={(unit) => write({ ...time, unit }, 'unit')}
        />
      ) : (
        <>
          <WhatFields
            label={t('logic.delay.field')}
            hint={t('logic.delay.fieldHint')}
            what={{ kind: 'field', path: text(until.field) }}
            problems={problemsAt(problems, `${data}/until/field`)}
            fields={DATE_FIELDS}
            events={false}
            onPick={pickField}
            onKey={(key) => setUntil('field', attributePath(key))}
          />
          <div className="logic-row">
            <IntegerField
              label={t('logic.delay.offset')}
              hint={t('logic.delay.offsetHint')}
              pointer={`${data}/until/offsetDays`}
              problems={problemsAt(problems, `${data}/until/offsetDays`)}
              value={until.offsetDays}
              optional
              width={6}
              onChange={(days) => setUntil('offsetDays', days)}
            />
            <Field
              label={t('logic.delay.at')}
              hint={t('logic.delay.atHint')}
              problems={problemsAt(problems, `${data}/until/at`)}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  type="time"
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  value={text(until.at)}
                  onChange={(e) =>
                    setUntil('at', e.target.value === '' ? undefined : e.target.value)
                  }
                />
              )}
            </Field>
          </div>
          <RadioField
            legend={t('logic.delay.ifPast')}
            value={date.ifPast ?? 'continue'}
            options={[
              { value: 'continue', label: t('logic.delay.continue') },
              { value: 'exit', label: t('logic.delay.exit') },
            ]}
            problems={problemsAt(problems, `${data}/ifPast`)}
            onChange={(ifPast) => write({ ...date, ifPast }, 'ifPast')}
          />
        </>
      )}
    </div>
  );
}
