import type { Context } from 'hono';
import { ApiError } from './errors.ts';

/**
 * A draft's revision as an HTTP entity tag, and the If-Match a client sends back with it
 * (RFC 9110 sections 8.8.3 and 13.1.1): optimistic concurrency for saving and publishing.
 * A draft's ETag is strong, `"<revision>"`: every write of the draft bumps the revision.
 */
export const etagOf = (revision: number): string => `"${revision}"`;

/** What If-Match asks for: nothing (absent, or `*`: today's unconditional write) or these tags. */
export type IfMatch = { any: true } | { any: false; tags: string[] };

/** One entity tag: optionally weak (W/), then opaque characters between double quotes. */
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/**
 * The If-Match header of the request, or 400 `invalid_if_match` when it is not `*` or a list
 * of entity tags. A weak tag never matches (If-Match compares strongly), so it is dropped.
 */
export function readIfMatch(c: Context): IfMatch {
  const header = c.req.header('if-match');
  if (header === undefined || header.trim() === '*') return { any: true };
  const items = header
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0 || !items.every((item) => ENTITY_TAG.test(item)))
    throw new ApiError(
      400,
      'invalid_if_match',
      `If-Match must be * or the ETag the API answered, with its quotes (If-Match: "3"), not ${JSON.stringify(header.slice(0, 100))}`,
      { header: 'If-Match' },
    );
  return { any: false, tags: items.filter((item) => !item.startsWith('W/')) };
}

/** The revisions If-Match names (tags of ours: `"<positive integer>"`). */
export function revisionsOf(ifMatch: { tags: string[] }): number[] {
  return ifMatch.tags
    .map((tag) => /^"([1-9]\d{0,9})"$/.exec(tag)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .filter((n) => n <= 2 ** 31 - 1);
}

/** Whether If-Match lets a write of a draft at `revision` (null: no such draft) go on. */
export function ifMatchHolds(ifMatch: IfMatch, revision: number | null): boolean {
  if (ifMatch.any) return true;
  return revision !== null && revisionsOf(ifMatch).includes(revision);
}

/** 412 `draft_changed`: the draft is not at the revision the client loaded, or is gone. */
export function draftChanged(id: string, current: number | null, c: Context): ApiError {
  const sent = JSON.stringify((c.req.header('if-match') ?? '').slice(0, 100));
  const message =
    current === null
      ? `there is no sequence "${id}" for If-Match ${sent} to match: it was never saved, or is gone. Nothing was changed: POST /api/sequences creates it.`
      : `the draft of "${id}" changed since it was loaded: it is at revision ${current} (ETag ${etagOf(current)}), not If-Match ${sent}. Nothing was changed: load it again (GET /api/sequences/${id}) and redo the change on it, or send it without If-Match to overwrite it.`;
  return new ApiError(412, 'draft_changed', message, {
    sequenceId: id,
    revision: current,
    etag: current === null ? null : etagOf(current),
  });
}
