import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { RuleEditor } from '../forms/logic/rule/RuleEditor.tsx';
import { newGroup } from '../forms/logic/rule/rule-edits.ts';
import { writeRule } from '../forms/logic/rule/rule-model.ts';
import type { FormContext } from '../forms/types.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { POINTERS } from './pointers.ts';

export interface GoalFieldProps {
  /** The goal rule as the file has it; undefined for none. */
  value: unknown;
  problems: Problem[];
  context: FormContext;
  /** Writes the new goal (undefined removes it); `field` names the control, for undo. */
  onChange(goal: unknown, field: string): void;
}

const GOAL = `${POINTERS.exit}/goal`;

/**
 * The exit goal: a rule that, once true for a contact, ends their enrollment as converted.
 * A checkbox turns it on with a first condition to fill in; the rule builder (or its JSON
 * text) edits it, with the validator's problems beside each part.
 */
export function GoalField({ value, problems, context, onChange }: GoalFieldProps) {
  const { t } = useTranslation();
  const on = value !== undefined;
  return (
    <div className="goal">
      <CheckboxField
        label={t('settings.exit.useGoal')}
        hint={t('settings.exit.goalHint')}
        checked={on}
        // Problems of the rule show inside the rule editor; with no rule there are none.
        problems={on ? [] : problems}
        onChange={(checked) =>
          onChange(checked ? writeRule(newGroup()) : undefined, 'exit.goal.use')
        }
      />
      {on && (
        <RuleEditor
          label={t('settings.exit.goal')}
          value={value}
          pointer={GOAL}
          problems={problems}
          context={context}
          onChange={(rule, field) => onChange(rule, `exit.goal ${field}`)}
        />
      )}
    </div>
  );
}
