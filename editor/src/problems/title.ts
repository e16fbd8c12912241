import type { Problem } from '@nudge/schema';
import type { TFunction } from 'i18next';

/**
 * A problem's title in the UI language (problems.codes.<code>); the validator's own message
 * is English and names the ids and values involved, so the UI shows it under the title.
 */
export function problemTitle(problem: Problem, t: TFunction): string {
  return t(`problems.codes.${problem.code}`, { defaultValue: problem.code });
}

/**
 * What a problem says, in the UI language where its code has words for it there
 * (problems.details, filled from the problem's params); else the validator's English message.
 */
export function problemDetail(problem: Problem, t: TFunction): string {
  const params = problem.params;
  if (!params) return problem.message;
  const key = `problems.details.${problem.code}${params.at ? `_${params.at}` : ''}`;
  const field =
    params.field === undefined
      ? {}
      : { field: t(`problems.fields.${params.field}`, { defaultValue: params.field }) };
  return t(key, { ...params, ...field, defaultValue: problem.message });
}
