import type { Problem } from '@nudge/schema';
import type { TFunction } from 'i18next';

/**
 * A problem's title in the UI language (problems.codes.<code>); the validator's own message
 * is English and names the ids and values involved, so the UI shows it under the title.
 */
export function problemTitle(problem: Problem, t: TFunction): string {
  return t(`problems.codes.${problem.code}`, { defaultValue: problem.code });
}
