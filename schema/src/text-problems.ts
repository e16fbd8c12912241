import { LIMITS } from './format.ts';
import { type Problem, pointerOf } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';
import { findBadTexts } from './text.ts';

/** A problem for every string of the file that can't be stored (text.ts), in file order. */
export function textProblems(file: unknown): Problem[] {
  return findBadTexts(file, LIMITS.problems).map(({ path, key, character, position }) => {
    const last = path.at(-1);
    // A bad property name is quoted as JSON, which writes its bad character as an escape.
    const name: Record<string, string> = key
      ? { kind: 'name', name: JSON.stringify(last) }
      : typeof last === 'string'
        ? { kind: 'value', name: last }
        : { kind: 'value' };
    return {
      severity: 'error',
      ...problemWith('invalid_text', { ...name, character, position: String(position) }),
      pointer: pointerOf(...path),
    };
  });
}
