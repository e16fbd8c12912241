import { LIMITS, type Problem, type ValidationResult, validateSequence } from '@nudge/schema';
import { decodeText } from './json/decode.ts';
import { depthExceededAt, type JsonSyntaxError, parseJson } from './json/parse.ts';
import { positionAt } from './json/position.ts';

/**
 * Checks the bytes of a sequence file, as the CLI reads them from disk and the API from a
 * request: decode, parse, validate. One path, so that both say the same about the same file.
 *
 * - `unreadable`: not text in a known encoding, or not JSON (the CLI exits 2, the API answers
 *   400); for JSON syntax errors `message` says why and `position` where.
 * - `checked`: JSON, validated (the file may still be invalid); `text` is kept so that callers
 *   can turn problems' pointers into lines and columns.
 */
export type CheckedFile =
  | { kind: 'unreadable'; code: 'invalid_encoding'; message: string }
  | { kind: 'unreadable'; code: 'invalid_json'; message: string; position: JsonSyntaxError }
  | { kind: 'checked'; text: string; result: ValidationResult };

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
  return { kind: 'checked', text, result: { ok, errors, warnings } };
}

/** The validator's own depth error, found before parsing (see depthExceededAt). */
function tooDeep(text: string, offset: number): ValidationResult {
  const { line, column } = positionAt(text, offset);
  const problem: Problem = {
    severity: 'error',
    code: 'too_deep',
    message: `the file nests deeper than ${LIMITS.jsonDepth} levels (line ${line}, column ${column}); Nudge reads no further`,
    pointer: '',
  };
  return { ok: false, errors: [problem], warnings: [] };
}
