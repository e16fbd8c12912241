import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import type { Selection } from '../sequence/store.ts';
import { problemSubject } from './subject.ts';
import { BY_IDS } from './targets.ts';
import { problemDetail, problemTitle } from './title.ts';
import './problems.css';

/**
 * The list of what is wrong with the open sequence: errors first, then warnings. Each is
 * headed by its title in the UI language, with the validator's message (English, naming the
 * ids and values involved) under it.
 *
 * Test hooks: the panel is data-testid="problems"; each problem is a <button
 * data-testid="problem"> inside a list item, with data-code, data-severity and
 * data-node-id / data-edge-id when the problem names one; a file that could not be opened
 * shows data-testid="load-error"; the valid state is data-testid="no-problems".
 */
export interface ProblemsPanelProps {
  errors: Problem[];
  warnings: Problem[];
  /** Why the file could not be opened, already in words. */
  loadError?: string | undefined;
  /** Whether a file is open, even one that is not a sequence (else there is nothing to check yet). */
  open: boolean;
  /** The canvas's selection, to highlight the problems that concern it. */
  selected?: Selection[];
  /** The canvas nodes and edges a problem concerns (by default, those its ids name). */
  targetsOf?: (problem: Problem) => Selection[];
  onSelect?: (problem: Problem) => void;
}

export function ProblemsPanel({
  errors,
  warnings,
  loadError,
  open,
  selected = [],
  targetsOf = byIds,
  onSelect,
}: ProblemsPanelProps) {
  const { t } = useTranslation();
  const errorCount = errors.length + (loadError ? 1 : 0);
  const isSelected = (p: Problem) =>
    targetsOf(p).some((t) => selected.some((s) => s.kind === t.kind && s.id === t.id));
  return (
    <section className="problems" data-testid="problems" aria-labelledby="problems-title">
      <header className="problems__head">
        <h2 id="problems-title">{t('problems.title')}</h2>
        <span
          className={`problems__count problems__count--${errorCount > 0 ? 'error' : 'zero'}`}
          data-testid="error-count"
        >
          {t('problems.errors', { count: errorCount })}
        </span>
        <span
          className={`problems__count problems__count--${warnings.length > 0 ? 'warning' : 'zero'}`}
          data-testid="warning-count"
        >
          {t('problems.warnings', { count: warnings.length })}
        </span>
      </header>
      {loadError && (
        <p className="problems__load-error" role="alert" data-testid="load-error">
          <strong>{t('problems.fileProblem')}</strong> {loadError}
        </p>
      )}
      {!loadError && !open && errors.length + warnings.length === 0 && (
        <p className="problems__empty">{t('problems.nothingOpen')}</p>
      )}
      {open && errors.length + warnings.length === 0 && (
        <p className="problems__none" data-testid="no-problems">
          <strong>{t('problems.none')}</strong> {t('problems.noneHint')}
        </p>
      )}
      {errors.length + warnings.length > 0 && (
        <ul className="problems__list">
          {[...errors, ...warnings].map((p, i) => (
            // Problems have no id of their own; the list is rebuilt whole on every open.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i}>
              <ProblemItem problem={p} current={isSelected(p)} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const byIds = (problem: Problem) => BY_IDS.all(problem);

function ProblemItem({
  problem,
  current,
  onSelect,
}: {
  problem: Problem;
  current: boolean;
  onSelect: ((problem: Problem) => void) | undefined;
}) {
  const { t } = useTranslation();
  const subject = problemSubject(problem);
  const where = subject ? t(`problems.${subject.kind}`, { id: subject.id }) : t('problems.file');
  return (
    <button
      type="button"
      className={`problem problem--${problem.severity}`}
      data-testid="problem"
      data-code={problem.code}
      data-severity={problem.severity}
      data-node-id={problem.nodeId}
      data-edge-id={problem.edgeId}
      aria-current={current || undefined}
      onClick={() => onSelect?.(problem)}
    >
      <span className="problem__severity">{t(`problems.${problem.severity}`)}</span>
      <span className="problem__title">{problemTitle(problem, t)}</span>
      <span className="problem__message">{problemDetail(problem, t)}</span>
      <span className="problem__where">
        <span>{where}</span>
        {problem.pointer !== '' && <code>{problem.pointer}</code>}
        <code className="problem__code">{problem.code}</code>
      </span>
    </button>
  );
}
