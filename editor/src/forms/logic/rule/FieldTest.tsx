import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../Field.tsx';
import { ProblemList } from '../../ProblemList.tsx';
import { problemsAt } from '../../problems-at.ts';
import { unclaimed } from '../unclaimed.ts';
import { attributePath, fieldKind } from './contact-fields.ts';
import { isFieldOp, operatorLabelKey, operatorsFor } from './operators.ts';
import type { PartProps } from './part-props.ts';
import { newEvent, withField, withOperator, withValueKind } from './rule-edits.ts';
import type { FieldPart } from './rule-model.ts';
import { TestActions } from './TestActions.tsx';
import { ValueInput } from './ValueInput.tsx';
import { type ValueKind, valueKindOf, valueKindsFor } from './values.ts';
import { WhatFields } from './WhatFields.tsx';
import { ATTRIBUTE, UNLISTED } from './WhatSelect.tsx';

/** A test of a contact field: the field, the comparison, the type of value and the value. */
export function FieldTest(props: PartProps<FieldPart>) {
  const { part, pointer, problems, onChange, label } = props;
  const { t } = useTranslation();
  // The type a marketer chose stays chosen while the value fits it (an empty date is a date).
  const [preferred, setPreferred] = useState<ValueKind>();
  const kind = fieldKind(part.field);
  const list = part.op === 'in';
  const valueKind = valueKindOf(part.value, { list, field: kind, preferred });
  const kinds = valueKindsFor(kind);
  if (!kinds.includes(valueKind)) kinds.push(valueKind);

  const at = (key: string) => `${pointer}/${key}`;
  const change = (next: FieldPart, key: string) => onChange(next, at(key));
  const pick = (option: string) => {
    if (option.startsWith('event:')) onChange(newEvent(option.slice(6)), at('field'));
    else if (option === ATTRIBUTE) change(withField(part, attributePath('')), 'field');
    else if (option !== UNLISTED) change(withField(part, option), 'field');
  };

  return (
    <fieldset className="rule-test" aria-label={label} data-testid="rule-test">
      <div className="rule-test__fields">
        <WhatFields
          label={t('logic.rule.what')}
          what={{ kind: 'field', path: part.field }}
          problems={problemsAt(problems, at('field'))}
          onPick={pick}
          onKey={(key) => change(withField(part, attributePath(key)), 'field')}
        />
        <Field label={t('logic.rule.op')} problems={problemsAt(problems, at('op'))}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={part.op}
              onChange={(e) => change(withOperator(part, e.target.value), 'op')}
            >
              {operatorsFor(kind, part.op).map((op) => (
                <option key={op} value={op}>
                  {isFieldOp(op)
                    ? t(`logic.rule.${operatorLabelKey(op, kind, valueKind)}`)
                    : t('logic.rule.unknownOp', { op })}
                </option>
              ))}
            </select>
          )}
        </Field>
        {part.hasValue && kinds.length > 1 && (
          <Field label={t('logic.rule.valueKind')}>
            {({ id, describedBy }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                value={valueKind}
                onChange={(e) => {
                  const next = e.target.value as ValueKind;
                  setPreferred(next);
                  change(withValueKind(part, next), 'value');
                }}
              >
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`logic.rule.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {part.hasValue && (
          <ValueInput
            pointer={at('value')}
            problems={problemsAt(problems, at('value'))}
            value={part.value}
            kind={valueKind}
            list={list}
            onChange={(value) => change({ ...part, value }, 'value')}
          />
        )}
      </div>
      <TestActions {...props} kindLabel="condition" />
      <ProblemList
        problems={unclaimed(problems, [
          at('field'),
          at('op'),
          ...(part.hasValue ? [at('value')] : []),
        ])}
      />
    </fieldset>
  );
}
