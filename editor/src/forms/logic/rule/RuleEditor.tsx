import { LIMITS, type Problem, ruleDepth, ruleSize } from '@nudge/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../../Field.tsx';
import { problemsAt } from '../../problems-at.ts';
import type { FormContext } from '../../types.ts';
import { RuleBuilder } from './RuleBuilder.tsx';
import { RuleText } from './RuleText.tsx';
import { readRule, writeRule } from './rule-model.ts';
import '../../../ui/button.css';
import '../logic.css';

export interface RuleEditorProps {
  /** The RULE as stored: anything, from an opened file; undefined when there is none yet. */
  value: unknown;
  /**
   * The new RULE. `field` names what changed for undo: the JSON pointer of the control
   * typed in (so typing a value is one undo step), or a name of its own for each action.
   */
  onChange(rule: unknown, field: string): void;
  /** The rule's JSON pointer in the document, e.g. "/nodes/3/data/rule". */
  pointer: string;
  /** The live validator's problems; those at the pointer or under it are shown. */
  problems: Problem[];
  context: FormContext;
  /** What the rule decides, as the legend of its box: "Go to “Yes” when". */
  label: string;
}

type Mode = 'builder' | 'text';

/**
 * A RULE (FORMAT.md section 3), built with the mouse or the keyboard: contact fields,
 * attributes, tags and events of the sequence's message steps, in all/any groups, each
 * reversible with "Not". A switch shows the same rule as JSON, to paste or type one.
 * Used by conditions, waits, event triggers and the sequence's goal.
 */
export function RuleEditor({
  value,
  onChange,
  pointer,
  problems,
  context,
  label,
}: RuleEditorProps) {
  const { t } = useTranslation();
  const [chosen, setMode] = useState<Mode>('builder');
  const mine = problemsAt(problems, pointer);
  // A rule past the limits would draw thousands of rows: it is edited as text only.
  const tooLarge =
    ruleDepth(value) > LIMITS.ruleDepth + 1 || ruleSize(value).parts > LIMITS.rule.parts;
  const mode = tooLarge ? 'text' : chosen;

  return (
    <FieldGroup legend={label}>
      <div className="rule-editor" data-testid="rule-editor">
        <fieldset className="rule-mode" aria-label={t('logic.rule.mode')}>
          {(['builder', 'text'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className="button rule-mode__button"
              aria-pressed={mode === m}
              disabled={tooLarge && m === 'builder'}
              onClick={() => setMode(m)}
            >
              {t(`logic.rule.${m}`)}
            </button>
          ))}
        </fieldset>
        {tooLarge && <p className="field__hint">{t('logic.rule.tooLarge')}</p>}
        {mode === 'text' ? (
          <RuleText value={value} pointer={pointer} problems={mine} onChange={onChange} />
        ) : (
          <RuleBuilder
            part={readRule(value)}
            pointer={pointer}
            problems={mine}
            context={context}
            onChange={(part, field) => onChange(writeRule(part), field)}
          />
        )}
      </div>
    </FieldGroup>
  );
}
