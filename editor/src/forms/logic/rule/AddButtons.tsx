import { LIMITS } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { newCondition, newGroup } from './rule-edits.ts';
import type { RulePart } from './rule-model.ts';

interface AddButtonsProps {
  /** The depth of the group the new part goes in (the top of the rule is 1). */
  depth: number;
  /** How many parts the group holds already. */
  count: number;
  onAdd(part: RulePart): void;
}

/** "Add condition" and "Add group", disabled where the format's limits would be passed. */
export function AddButtons({ depth, count, onAdd }: AddButtonsProps) {
  const { t } = useTranslation();
  const room = count < LIMITS.rule.groupItems;
  // A new group holds a condition: it nests two levels below its group.
  const condition = room && depth + 1 <= LIMITS.ruleDepth;
  const group = room && depth + 2 <= LIMITS.ruleDepth;
  return (
    <div className="rule-add">
      <button
        type="button"
        className="button"
        disabled={!condition}
        onClick={() => onAdd(newCondition())}
      >
        + {t('logic.rule.addCondition')}
      </button>
      <button type="button" className="button" disabled={!group} onClick={() => onAdd(newGroup())}>
        + {t('logic.rule.addGroup')}
      </button>
      {!group && (
        <span className="field__hint">
          {t('logic.rule.atLimit', { depth: LIMITS.ruleDepth, items: LIMITS.rule.groupItems })}
        </span>
      )}
    </div>
  );
}
