import { findBadText, pointerOf, textProblem } from '@nudge/schema';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

/**
 * Text that PostgreSQL can't store (NUL, lone surrogates; see @nudge/schema text.ts) is
 * refused at the door with a 422 `invalid_text` naming where it is, before any handler reads
 * it: in a JSON body (details.pointer), a path parameter or a query parameter
 * (details.parameter and details.in). Nothing past the door sees such a string.
 */

/** JSON escapes that can make such text; raw text can't hold either (decodeText refuses it). */
const MAYBE_BAD = /\\u(0000|d[89a-f])/i;

/** 422 for the first bad string of a parsed JSON body; `text` is its source, for a quick look. */
export function checkBodyText(text: string, value: unknown): void {
  if (!MAYBE_BAD.test(text)) return;
  const bad = findBadText(value);
  if (!bad) return;
  const pointer = pointerOf(...bad.path);
  const what = bad.key ? `the property name at ${pointer || '/'}` : `${pointer || 'the body'}`;
  throw new ApiError(422, 'invalid_text', `${what} ${bad.problem}: send text only`, { pointer });
}

/**
 * The same for the path and the query of every request under it: percent-escapes decode to
 * NUL (`%00`), and a path parameter becomes a query value in SQL. Malformed escapes (a lone
 * surrogate can't be UTF-8) are refused too, as they can't name anything.
 */
export function refuseBadParameters(): MiddlewareHandler {
  return async (c, next) => {
    checkPath(c);
    checkQuery(c);
    await next();
  };
}

function checkPath(c: Context): void {
  const raw = new URL(c.req.url).pathname;
  if (!/%|[\ud800-\udfff]/.test(raw)) return;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new ApiError(422, 'invalid_text', 'the path has a malformed %-escape: send text only', {
      in: 'path',
    });
  }
  const problem = textProblem(decoded);
  if (problem)
    throw new ApiError(422, 'invalid_text', `the path ${problem}: send text only`, { in: 'path' });
}

function checkQuery(c: Context): void {
  const search = new URL(c.req.url).search;
  if (search === '') return;
  let params: URLSearchParams;
  try {
    // URLSearchParams replaces a malformed escape with U+FFFD instead of failing; check first.
    decodeURIComponent(search.replace(/\+/g, ' '));
    params = new URLSearchParams(search);
  } catch {
    throw new ApiError(422, 'invalid_text', 'the query has a malformed %-escape: send text only', {
      in: 'query',
    });
  }
  for (const [name, value] of params) {
    const problem = textProblem(name) ?? textProblem(value);
    if (problem)
      throw new ApiError(
        422,
        'invalid_text',
        `the query parameter ${JSON.stringify(name)} ${problem}: send text only`,
        { parameter: name, in: 'query' },
      );
  }
}
