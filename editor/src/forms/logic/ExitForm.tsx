import { useTranslation } from 'react-i18next';
import { problemsAt } from '../problems-at.ts';
import type { StepFormProps } from '../types.ts';
import { RadioField } from './RadioField.tsx';
import { asObject } from './read.ts';
import { StepProblems } from './StepProblems.tsx';
import './logic.css';

/** exit: how the enrollment ends, completed (the default) or converted. */
export function ExitForm({ step, pointer, problems, onChange }: StepFormProps<'exit'>) {
  const { t } = useTranslation();
  const outcome = asObject(step.data).outcome ?? 'completed';
  const at = `${pointer}/data/outcome`;
  return (
    <div className="logic-form">
      <StepProblems problems={problems} pointer={pointer} claimed={[at]} />
      <RadioField
        legend={t('logic.exit.outcome')}
        hint={t('logic.exit.hint')}
        value={outcome}
        options={[
          { value: 'completed', label: t('logic.exit.completed') },
          { value: 'converted', label: t('logic.exit.converted') },
        ]}
        problems={problemsAt(problems, at)}
        onChange={(value) => onChange({ outcome: value }, 'outcome')}
      />
    </div>
  );
}
