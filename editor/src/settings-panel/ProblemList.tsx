import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { problemTitle } from '../problems/title.ts';

/**
 * Problems shown beside a group of controls (days, calendars, an alias row), in the same look
 * as a Field's: its title in the UI language, then the validator's message. The controls name
 * `id` in aria-describedby. Test hooks: data-testid="field-problem" with data-code.
 */
export function ProblemList({ id, problems }: { id?: string; problems: Problem[] }) {
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
