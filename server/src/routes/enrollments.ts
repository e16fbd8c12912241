import { EnrollError, enroll } from '@nudge/runtime/worker';
import type { Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import { segmentWhere } from '../db/segment-sql.ts';
import { assertSequence } from '../db/sequences.ts';
import type { Sql } from '../db/types.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { MAX_BODY_BYTES, onlyKnown, readJsonObject } from '../json-body.ts';
import { linkNextPage, type PageRule, readPage, uuidCursor } from '../paging.ts';
import { checkSegment } from '../segment-rule.ts';

const PAGE: PageRule<string> = {
  cursor: 'after',
  defaultLimit: 100,
  maxLimit: 1000,
  parse: uuidCursor,
  what: 'an enrollment',
};

/**
 * POST enrolls contact ids, or every contact a segment RULE selects (its translation to SQL
 * runs inside enroll()'s one set-based statement), in the latest published version.
 * GET lists the enrollments, oldest id first, a page at a time: `limit` (100, at most 1,000)
 * and `after` (the last id of the previous page); the next page's URL is in `Link`.
 */
export function enrollmentRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  api.post('/sequences/:id/enrollments', limitBody(MAX_BODY_BYTES), async (c) => {
    const id = c.req.param('id');
    const workspace = c.var.workspace;
    const body = await readJsonObject(c, '{ "contactIds": [...] } or { "segment": RULE }');
    onlyKnown(body, ['contactIds', 'segment']);
    if ('contactIds' in body === 'segment' in body)
      throw new ApiError(400, 'invalid_body', 'send either "contactIds" or "segment", not both');
    await assertSequence(sql, workspace, id);
    const enrollees =
      'segment' in body
        ? { where: segmentWhere(sql, checkSegment(body.segment)) }
        : contactIds(body.contactIds);
    try {
      const { enrolled, skipped } = await enroll(sql, workspace, id, enrollees);
      return c.json({ enrolled, skipped });
    } catch (error) {
      if (error instanceof EnrollError)
        throw new ApiError(
          409,
          error.code,
          `${error.message}: publish it first (POST /api/sequences/${id}/publish)`,
        );
      throw error;
    }
  });

  api.get('/sequences/:id/enrollments', async (c) => {
    const id = c.req.param('id');
    const workspace = c.var.workspace;
    const { limit, cursor: after } = readPage(c, PAGE);
    await assertSequence(sql, workspace, id);
    const rows = await sql<
      Array<{ id: string; contactId: string; status: string; node: string | null; version: number }>
    >`
      select id, contact_id as "contactId", status, node, version from enrollments
      where workspace_id = ${workspace} and sequence_id = ${id}
        and (${after}::uuid is null or id > ${after}::uuid)
      order by id limit ${limit}`;
    linkNextPage(c, PAGE, limit, rows.length, rows.at(-1)?.id);
    return c.json(rows);
  });
  api.all('/sequences/:id/enrollments', methodNotAllowed(['GET', 'HEAD', 'POST']));
}

/** The most contact ids one call may enroll: a segment enrolls any number. */
export const MAX_CONTACT_IDS = 100_000;

function contactIds(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new ApiError(
      400,
      'invalid_body',
      '"contactIds" must be an array of contact ids (strings)',
    );
  if (value.length > MAX_CONTACT_IDS)
    throw new ApiError(
      413,
      'too_many_contacts',
      `at most ${MAX_CONTACT_IDS} contact ids per call (got ${value.length}): send them in parts, or enroll a segment`,
      { limit: MAX_CONTACT_IDS },
    );
  // A longer id is no contact's (LIMITS.contact): it is skipped as unknown, like any other.
  return value;
}
