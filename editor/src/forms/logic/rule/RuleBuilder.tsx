import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import type { FormContext } from '../../types.ts';
import { actionName } from '../edit-names.ts';
import { AddButtons } from './AddButtons.tsx';
import { RuleGroup } from './RuleGroup.tsx';
import { RulePartView } from './RulePartView.tsx';
import { joined } from './rule-edits.ts';
import type { RulePart } from './rule-model.ts';

interface RuleBuilderProps {
  part: RulePart;
  pointer: string;
  problems: Problem[];
  onChange(part: RulePart, field: string): void;
  context: FormContext;
}

/**
 * The whole rule in the builder. A rule may be one bare test (the format allows it): adding a
 * second one puts both in an "all" group. No rule yet: the buttons start one.
 */
export function RuleBuilder({ part, pointer, problems, onChange, context }: RuleBuilderProps) {
  const { t } = useTranslation();
  const common = { pointer, problems, onChange, context, depth: 1, n: 1 };
  // The box around the builder is named by the label already: the top group is not again.
  if (part.kind === 'group') return <RuleGroup {...common} part={part} label="" />;
  return (
    <fieldset className="rule-root">
      {part.kind === 'none' ? (
        <p className="field__hint">{t('logic.rule.empty')}</p>
      ) : (
        <RulePartView {...common} part={part} label={t('logic.rule.condition', { n: 1 })} />
      )}
      <AddButtons
        depth={1}
        count={part.kind === 'none' ? 0 : 1}
        onAdd={(added) => onChange(joined(part, added), actionName(pointer, 'add'))}
      />
    </fieldset>
  );
}
