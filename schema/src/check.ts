import { LIMITS } from './format.ts';
import { decodeText } from './json/decode.ts';
import { depthExceededAt, type JsonSyntaxError, parseJson } from './json/parse.ts';
import { positionAt } from './json/position.ts';
import type { Problem } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';
import { type ValidationResult, validateSequence } from './validate.ts';

/**
 * Checks the bytes of a sequence file, as the CLI reads them from disk, the API from a request
 * and the editor from a picked or dropped file: decode, parse, validate. One path, so that all
 * three say the same about the same file.
 *
 * - `unreadable`: not text in a known encoding, or not JSON (the CLI exits 2, the API answers
 *   400); for JSON syntax errors `message` says why and `position` where.
 * - `checked`: JSON, validated (the file may still be invalid); `text` is kept so that callers
 *   can turn problems' pointers into lines and columns; `value` is the parsed file (absent when
 *   it nests too deep to be parsed at all).
 */
export type CheckedFile =
  | { kind: 'unreadable'; code: 'invalid_encoding'; message: string }
  | { kind: 'unreadable'; code: 'invalid_json'; message: string; position: JsonSyntaxError }
  | { kind: 'checked'; text: string; value?: unknown; result: ValidationResult };

export function checkSequenceBytes(bytes: Uint8Array): CheckedFile {
  const decoded = decodeText(bytes);
  if (!decoded.ok)
    return { kind: 'unreadable', code: 'invalid_encoding', message: decoded.message };
  return checkSequenceText(decoded.text);
}

export function checkSequenceText(text: string): CheckedFile {
  const deepAt = depthExceededAt(text, LIMITS.jsonDepth);
  if (deepAt >= 0) return { kind: 'checked', text, result: tooDeep(text, deepAt) };
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return {
      kind: 'unreadable',
      code: 'invalid_json',
      message: parsed.error.message,
      position: parsed.error,
    };
  }
  const { ok, errors, warnings } = validateSequence(parsed.value);
  return { kind: 'checked', text, value: parsed.value, result: { ok, errors, warnings } };
}

/** The validator's own depth error, found before parsing (see depthExceededAt). */
function tooDeep(text: string, offset: number): ValidationResult {
  const { line, column } = positionAt(text, offset);
  const problem: Problem = {
    severity: 'error',
    ...problemWith('too_deep', {
      limit: String(LIMITS.jsonDepth),
      line: String(line),
      column: String(column),
    }),
    pointer: '',
  };
  return { ok: false, errors: [problem], warnings: [] };
}
