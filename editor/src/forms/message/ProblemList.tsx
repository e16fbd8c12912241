import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { problemTitle } from '../../problems/title.ts';

/**
 * Problems that belong to no single field (the step's data as a whole, a list of buttons),
 * worded as Field words its own: the title in the UI language, then the validator's message.
 */
export function ProblemList({ problems, id }: { problems: Problem[]; id?: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="field__problems" id={id}>
      {problems.map((p, i) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; order is stable
          key={i}
          className={`field__problem field__problem--${p.severity}`}
          data-testid="field-problem"
          data-code={p.code}
        >
          <strong>{problemTitle(p, t)}</strong> {p.message}
        </li>
      ))}
    </ul>
  );
}

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
