import type { Problem, ProblemCode } from '../problem.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';
import type { MessageCatalogue } from './types.ts';

/**
 * The problems' messages in each language Nudge speaks, from their params: the validator
 * writes its (English) message with `en`, and the editor and the CLI show `ko` to Korean
 * users. One catalogue, so that the English a UI shows is the validator's message.
 */
export const PROBLEM_MESSAGES = { en, ko } as const satisfies Record<string, MessageCatalogue>;

export type ProblemLanguage = keyof typeof PROBLEM_MESSAGES;

export const PROBLEM_LANGUAGES = Object.keys(PROBLEM_MESSAGES) as ProblemLanguage[];

export function isProblemLanguage(value: unknown): value is ProblemLanguage {
  return typeof value === 'string' && Object.hasOwn(PROBLEM_MESSAGES, value);
}

/** The message of a problem with this code and these params, in a language. */
export function problemMessage(
  code: ProblemCode,
  params: Record<string, string>,
  language: ProblemLanguage = 'en',
): string {
  return PROBLEM_MESSAGES[language][code](params);
}

/**
 * What a problem says in a language: from its params where it has them (every problem the
 * validator makes does), else its message as it came (one stored or sent before params).
 */
export function problemText(problem: Problem, language: ProblemLanguage): string {
  const catalogue = PROBLEM_MESSAGES[language];
  if (!problem.params || !Object.hasOwn(catalogue, problem.code)) return problem.message;
  return catalogue[problem.code](problem.params);
}

/** A problem with its message made from its params, in English (as the validator writes them). */
export function problemWith<C extends ProblemCode>(
  code: C,
  params: Record<string, string>,
): { code: C; message: string; params: Record<string, string> } {
  return { code, message: en[code](params), params };
}
