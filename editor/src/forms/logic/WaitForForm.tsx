import type { Rule, TimeUnit } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../Field.tsx';
import type { StepFormProps } from '../types.ts';
import { DurationFields } from './DurationFields.tsx';
import { pick, withKey } from './read.ts';
import { RuleEditor } from './rule/RuleEditor.tsx';
import { StepProblems } from './StepProblems.tsx';

/** wait_for: the rule waited for ("Met"), and how long before giving up ("Timeout"). */
export function WaitForForm({
  step,
  pointer,
  problems,
  onChange,
  context,
}: StepFormProps<'wait_for'>) {
  const { t } = useTranslation();
  const data = pick(step.data, ['rule', 'timeout']);
  const timeout = pick(data.timeout, ['amount', 'unit']);
  const rulePointer = `${pointer}/data/rule`;
  const timeoutPointer = `${pointer}/data/timeout`;
  const write = (next: Record<string, unknown>, field: string) =>
    onChange(next as { rule: Rule; timeout: { amount: number; unit: TimeUnit } }, field);
  const setTimeout = (key: 'amount' | 'unit', value: unknown) =>
    write({ ...data, timeout: withKey(timeout, key, value) }, `timeout.${key}`);
  return (
    <div className="logic-form">
      <StepProblems
        problems={problems}
        pointer={pointer}
        claimed={[rulePointer, `${timeoutPointer}/amount`, `${timeoutPointer}/unit`]}
      />
      <RuleEditor
        label={t('logic.waitFor.rule')}
        value={data.rule}
        pointer={rulePointer}
        problems={problems}
        context={context}
        onChange={(rule, field) => write(withKey(data, 'rule', rule), field)}
      />
      <FieldGroup legend={t('logic.waitFor.timeout')}>
        <p className="field__hint">{t('logic.waitFor.timeoutHint')}</p>
        <DurationFields
          amount={timeout.amount}
          unit={timeout.unit}
          pointer={timeoutPointer}
          problems={problems}
          onAmount={(amount) => setTimeout('amount', amount)}
          onUnit={(unit) => setTimeout('unit', unit)}
        />
      </FieldGroup>
    </div>
  );
}
