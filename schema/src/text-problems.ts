import { LIMITS } from './format.ts';
import { type Problem, pointerOf } from './problem.ts';
import { findBadTexts } from './text.ts';

/** A problem for every string of the file that can't be stored (text.ts), in file order. */
export function textProblems(file: unknown): Problem[] {
  return findBadTexts(file, LIMITS.problems).map(({ path, key, problem }) => {
    const last = path.at(-1);
    const what = key
      ? `the property name ${JSON.stringify(last)}`
      : typeof last === 'string'
        ? `"${last}"`
        : 'this string';
    return {
      severity: 'error',
      code: 'invalid_text',
      message: `${what} ${problem}: Nudge stores text only`,
      pointer: pointerOf(...path),
    };
  });
}
