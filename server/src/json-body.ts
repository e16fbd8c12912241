import { decodeText, depthExceededAt, LIMITS, parseJson, positionAt } from '@nudge/schema';
import type { Context } from 'hono';
import { jsonBodyBytes } from './body.ts';
import { ApiError } from './errors.ts';
import { checkBodyText } from './text-door.ts';

/**
 * The JSON body of a request, parsed: 400 `invalid_json` (with line and column) when it is not
 * JSON, 400 `invalid_encoding` when it is not text, 415 when the Content-Type is not JSON,
 * 400 `invalid_body` when it nests deeper than any body of the API can (LIMITS.jsonDepth, as
 * sequence files), 422 `invalid_text` when a string in it can't be stored (NUL, lone surrogates).
 */
export async function readJson(c: Context): Promise<unknown> {
  const decoded = decodeText(await jsonBodyBytes(c));
  if (!decoded.ok) throw new ApiError(400, 'invalid_encoding', decoded.message);
  // Before parsing: JSON.parse takes about half a second over a megabyte of `[[[[…`, and what
  // reads the value after it (the text check, the contact check) recurses.
  const deepAt = depthExceededAt(decoded.text, LIMITS.jsonDepth);
  if (deepAt >= 0) {
    const { line, column } = positionAt(decoded.text, deepAt);
    throw new ApiError(
      400,
      'invalid_body',
      `the body nests deeper than ${LIMITS.jsonDepth} levels (line ${line}, column ${column}): no call takes that`,
      { line, column, offset: deepAt, limit: LIMITS.jsonDepth },
    );
  }
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) {
    const { line, column, offset, message } = parsed.error;
    throw new ApiError(
      400,
      'invalid_json',
      `the body is not JSON: ${message}, at line ${line}, column ${column}`,
      { line, column, offset },
    );
  }
  checkBodyText(decoded.text, parsed.value);
  return parsed.value;
}

/** A JSON object body (not an array, not a scalar), or 400 saying what was expected. */
export async function readJsonObject(
  c: Context,
  expected: string,
): Promise<Record<string, unknown>> {
  const value = await readJson(c);
  if (!isObject(value))
    throw new ApiError(400, 'invalid_body', `the body must be a JSON object: ${expected}`);
  return value;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Refuses properties a body does not have: a typo must not pass silently. */
export function onlyKnown(body: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0)
    throw new ApiError(
      400,
      'unknown_property',
      `unknown property ${unknown.map((k) => JSON.stringify(k)).join(', ')} (allowed: ${allowed.join(', ')})`,
      { unknown, allowed },
    );
}

/** The body limit of every JSON route: the sequence file limit. */
export const MAX_BODY_BYTES = LIMITS.fileBytes;
