import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../ProblemList.tsx';
import { problemsAt } from '../problems-at.ts';
import { unclaimed } from './unclaimed.ts';

/**
 * The problems of a step's data that no field of its form shows (a missing or unknown
 * property, data that is not an object at all), at the top of the form.
 */
export function StepProblems({
  problems,
  pointer,
  claimed,
}: {
  problems: Problem[];
  /** The step's pointer. */
  pointer: string;
  /** The pointers the form's fields show problems for. */
  claimed: string[];
}) {
  const { t } = useTranslation();
  const rest = unclaimed(problemsAt(problems, `${pointer}/data`), claimed);
  if (rest.length === 0) return null;
  return (
    <section className="logic-step-problems" aria-label={t('logic.otherProblems')}>
      <ProblemList problems={rest} />
    </section>
  );
}
