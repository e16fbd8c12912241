import { isProblemLanguage, type Problem, problemText } from '@nudge/schema';
import type { TFunction } from 'i18next';

/**
 * A problem's title in the UI language (problems.codes.<code>); the validator's own message
 * is English and names the ids and values involved, so the UI shows it under the title.
 */
export function problemTitle(problem: Problem, t: TFunction): string {
  return t(`problems.codes.${problem.code}`, { defaultValue: problem.code });
}

/**
 * What a problem says, in the UI language: from its params with the validator's catalogue
 * of messages (@nudge/schema problem-messages), whose English is the validator's message.
 * `problems.language` names the catalogue of the UI language; a problem without params (one
 * stored before they existed) keeps its English message.
 */
export function problemDetail(problem: Problem, t: TFunction): string {
  const language = t('problems.language', { defaultValue: 'en' });
  return problemText(problem, isProblemLanguage(language) ? language : 'en');
}
