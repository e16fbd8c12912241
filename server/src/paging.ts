import type { Context } from 'hono';
import { ApiError } from './errors.ts';

/**
 * Keyset paging of list routes: `limit`, and a cursor naming the last item of the previous
 * page (`after` in id order, `before` for newest-first lists); the next page's URL is sent in
 * `Link: <…>; rel="next"` when the page is full.
 */
export interface PageRule<T> {
  cursor: 'after' | 'before';
  defaultLimit: number;
  maxLimit: number;
  /** The cursor's value, or null when it is not one (a 400 that names `what`). */
  parse: (text: string) => T | null;
  /** What the cursor names, for the error: "an enrollment". */
  what: string;
}

export function readPage<T>(c: Context, rule: PageRule<T>): { limit: number; cursor: T | null } {
  const limitText = c.req.query('limit');
  const limit = limitText === undefined ? rule.defaultLimit : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > rule.maxLimit)
    throw new ApiError(
      400,
      'invalid_query',
      `"limit" must be a whole number from 1 to ${rule.maxLimit}`,
    );
  const text = c.req.query(rule.cursor);
  if (text === undefined) return { limit, cursor: null };
  const cursor = rule.parse(text);
  if (cursor === null) throw badCursor(rule);
  return { limit, cursor };
}

export const badCursor = (rule: Pick<PageRule<unknown>, 'cursor' | 'what'>) =>
  new ApiError(
    400,
    'invalid_query',
    `"${rule.cursor}" must be the id of ${rule.what} (the last one of the previous page)`,
  );

/** Sets `Link` to the next page when this one is full. */
export function linkNextPage(
  c: Context,
  rule: Pick<PageRule<unknown>, 'cursor'>,
  limit: number,
  count: number,
  lastId: string | number | undefined,
): void {
  if (count < limit || lastId === undefined) return;
  const next = new URL(c.req.url);
  next.searchParams.set(rule.cursor, String(lastId));
  next.searchParams.set('limit', String(limit));
  c.header('Link', `<${next.pathname}${next.search}>; rel="next"`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = /^[1-9]\d{0,14}$/;

/** A uuid cursor. */
export const uuidCursor = (text: string): string | null => (UUID.test(text) ? text : null);
/** A positive bigint id cursor (below 2^53). */
export const idCursor = (text: string): number | null => (ID.test(text) ? Number(text) : null);
