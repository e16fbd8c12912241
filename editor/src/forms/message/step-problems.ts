import { type Problem, pointerTokens } from '@nudge/schema';
import { problemsAt } from '../problems-at.ts';

/** The problems beside one field: at `${pointer}/data/<path…>` or under it. */
export function fieldProblems(
  problems: Problem[],
  pointer: string,
  ...path: Array<string | number>
): Problem[] {
  return problemsAt(problems, [pointer, 'data', ...path].join('/'));
}

/**
 * The problems about a step's data that none of its form's fields shows: about the data as
 * a whole (a missing property) or a property the form has no field for (a typo in the
 * file). `claimed` takes the whole-data problems a field shows (an email's missing subject).
 */
export function problemsBesideNoField(
  problems: Problem[],
  pointer: string,
  fields: readonly string[],
  claimed: (problem: Problem) => boolean = () => false,
): Problem[] {
  const data = `${pointer}/data`;
  return problems.filter((p) => {
    if (p.pointer === data) return !claimed(p);
    if (!p.pointer.startsWith(`${data}/`)) return false;
    const [field] = pointerTokens(p.pointer.slice(data.length));
    return field === undefined || !fields.includes(field);
  });
}
