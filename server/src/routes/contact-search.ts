import { LIMITS } from '@nudge/schema';
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';

/** `q`'s longest, in characters (after trimming): a name, an email or a phone, not a text. */
export const MAX_QUERY_CHARS = 200;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** A contact id's longest: a longer cursor names no contact. */
const MAX_ID_CHARS = LIMITS.contact.idChars;
/** The base64url of that many characters of 4 UTF-8 bytes each. */
export const MAX_CURSOR_CHARS = Math.ceil((MAX_ID_CHARS * 4) / 3) * 4;

/**
 * The query of GET /api/contacts: `q`, `limit` and `cursor`, or a 400 `invalid_query` naming
 * the parameter. The cursor is opaque to callers (the `next` of the previous page): the last
 * id of that page, base64url, so that any id, whatever its characters, travels as one.
 */
export function readContactSearch(c: Context): { q: string; after: string | null; limit: number } {
  const q = (c.req.query('q') ?? '').trim();
  if ([...q].length > MAX_QUERY_CHARS)
    throw invalid('q', `"q" must be at most ${MAX_QUERY_CHARS} characters`);
  const limitText = c.req.query('limit');
  // Digits only: no "1e1", " 20" or "20.0" (Number would take them).
  const limit =
    limitText === undefined ? DEFAULT_LIMIT : /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
  if (limit < 1 || limit > MAX_LIMIT)
    throw invalid('limit', `"limit" must be a whole number from 1 to ${MAX_LIMIT}`);
  const cursor = c.req.query('cursor');
  const after = cursor === undefined ? null : idOf(cursor);
  if (after === null && cursor !== undefined)
    throw invalid('cursor', '"cursor" must be the `next` of the previous page, as it was given');
  return { q, after, limit };
}

/** The cursor after the contact `id`. */
export const cursorOf = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

/** The id a cursor holds, or null when it is not a cursor this API gave. */
function idOf(cursor: string): string | null {
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const bytes = Buffer.from(cursor, 'base64url');
  // Only the canonical spelling: a cursor is given, never made up.
  if (bytes.toString('base64url') !== cursor) return null;
  let id: string;
  try {
    id = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  if (id === '' || id.includes('\u0000') || [...id].length > MAX_ID_CHARS) return null;
  return id;
}

const invalid = (parameter: string, message: string) =>
  new ApiError(400, 'invalid_query', message, { parameter, in: 'query' });
