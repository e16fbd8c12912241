import { LIMITS } from '@nudge/schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { actionName } from '../edit-names.ts';
import type { PartProps } from './part-props.ts';
import { negated } from './rule-edits.ts';
import { partDepth } from './rule-model.ts';

/**
 * The "Not" box of a condition or a group: checking it puts the part in {"not": …}, clearing
 * it takes it out. Disabled when reversing would nest the rule deeper than the format allows.
 */
export function NotToggle({ part, pointer, depth, onChange, negation }: PartProps) {
  const { t } = useTranslation();
  const id = useId();
  const checked = negation !== undefined;
  const tooDeep = !checked && depth + partDepth(part) > LIMITS.ruleDepth;
  return (
    <span className="rule-not">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={tooDeep}
        aria-describedby={`${id}-hint`}
        onChange={() =>
          negation ? negation.onToggle() : onChange(negated(part), actionName(pointer, 'not'))
        }
      />
      <label htmlFor={id}>{t('logic.rule.not')}</label>
      <span id={`${id}-hint`} className="logic-hidden">
        {t('logic.rule.notHint')}
      </span>
    </span>
  );
}
