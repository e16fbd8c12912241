import type { Rule } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import type { StepFormProps } from '../types.ts';
import { asObject } from './read.ts';
import { RuleEditor } from './rule/RuleEditor.tsx';
import { StepProblems } from './StepProblems.tsx';

/** condition: the rule that sends a contact down "Yes" (else "No"). */
export function ConditionForm({
  step,
  pointer,
  problems,
  onChange,
  context,
}: StepFormProps<'condition'>) {
  const { t } = useTranslation();
  const at = `${pointer}/data/rule`;
  return (
    <div className="logic-form">
      <StepProblems problems={problems} pointer={pointer} claimed={[at]} />
      <RuleEditor
        label={t('logic.condition.rule')}
        value={asObject(step.data).rule}
        pointer={at}
        problems={problems}
        context={context}
        onChange={(rule, field) => onChange({ rule: rule as Rule }, field)}
      />
    </div>
  );
}
