import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../ProblemList.tsx';

/** At the top of a form: what is wrong with the step's data that no field below shows. */
export function StepProblems({ problems }: { problems: Problem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <section className="step-problems" aria-label={t('forms.stepProblems')}>
      <p className="step-problems__title">{t('forms.stepProblems')}</p>
      <ProblemList problems={problems} />
    </section>
  );
}
