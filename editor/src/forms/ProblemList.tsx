import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { problemDetail, problemTitle } from '../problems/title.ts';

/**
 * Problems that belong to no single control (a fieldset, a whole condition, a list of buttons,
 * a row of days), shown as Field shows a field's: the title in the UI language, then the validator's message.
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
          <strong>{problemTitle(p, t)}</strong> {problemDetail(p, t)}
        </li>
      ))}
    </ul>
  );
}
