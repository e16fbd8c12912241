import { useTranslation } from 'react-i18next';
import { ProblemList } from '../forms/ProblemList.tsx';
import { problemsAt } from '../forms/problems-at.ts';
import type { FormContext } from '../forms/types.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { GoalField } from './GoalField.tsx';
import { leftoverProblems, POINTERS } from './pointers.ts';
import { readSettings } from './read-settings.ts';
import { withGroupValue } from './settings-edit.ts';
import type { SectionProps } from './types.ts';

const EVENTS = ['onReply', 'onBounce', 'onOpen', 'onClick'] as const;

export interface ExitFieldsProps extends SectionProps {
  /** For the goal rule: the steps whose messages it may name, the aliases. */
  context: FormContext;
}

/**
 * What ends an enrollment early: a reply, a bounce, an open, a click (reply and bounce on by
 * default), the goal rule; and unsubscribing, always.
 */
export function ExitFields({ settings, problems, write, context }: ExitFieldsProps) {
  const { t } = useTranslation();
  const exit = readSettings(settings).exit;
  const pointer = (key: string) => `${POINTERS.exit}/${key}`;
  return (
    <>
      <ProblemList
        problems={leftoverProblems(problems, POINTERS.exit, [...EVENTS, 'goal'].map(pointer))}
      />
      <fieldset className="field">
        <legend className="field__label">{t('settings.exit.legend')}</legend>
        {EVENTS.map((event) => (
          <CheckboxField
            key={event}
            label={t(`settings.exit.${event}`)}
            checked={exit[event]}
            problems={problemsAt(problems, pointer(event))}
            onChange={(on) => write(withGroupValue(settings, 'exit', event, on), `exit.${event}`)}
          />
        ))}
        <p className="field__hint" data-testid="unsubscribe-note">
          {t('settings.exit.unsubscribe')}
        </p>
      </fieldset>
      <GoalField
        value={exit.goal}
        problems={problemsAt(problems, pointer('goal'))}
        context={context}
        onChange={(goal, field) => write(withGroupValue(settings, 'exit', 'goal', goal), field)}
      />
    </>
  );
}
