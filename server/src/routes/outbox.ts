import type { Context, Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import type { Sql } from '../db/types.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { headerValue, type MailHeader, readBodies, readHeaders } from '../mail/mime.ts';

const PAGE_DEFAULT = 50;
const PAGE_MAX = 500;
// Headers sit at the start of a message: a list reads this much of each, never whole bodies.
const HEAD_BYTES = 65_536;

/** One captured message as the list shows it. */
export interface OutboxEntry {
  /** The outbox message's id (messages.id). */
  id: number;
  /** Its RFC 5322 Message-ID. */
  messageId: string | null;
  to: string;
  from: string;
  subject: string;
  sentAt: string;
  enrollmentId?: string;
  sequenceId?: string;
  node?: string;
}

interface Row {
  id: number;
  message_id: string | null;
  raw: Buffer;
  sent_at: Date;
  enrollment_id: string | null;
  sequence_id: string | null;
  node: string | null;
}

/**
 * The captured mail (sent without SMTP_URL): the local mail catcher of the app.
 * GET /outbox lists it newest first, a page at a time (`limit`, and `before`: the last id of
 * the previous page; the next page's URL is in `Link`); GET /outbox/:id gives one message
 * with its bodies, GET /outbox/:id/raw the message itself. Headers are read from the stored
 * message, so the list shows exactly what would have gone out.
 */
export function outboxRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  api.get('/outbox', async (c) => {
    const workspace = c.var.workspace;
    const { limit, before } = page(c);
    if (before !== null) {
      const [known] = await sql`
        select 1 from captured_mail where workspace_id = ${workspace} and message_id = ${before}`;
      if (!known)
        throw new ApiError(
          400,
          'invalid_query',
          '"before" must be the id of a captured message (the last one of the previous page)',
        );
    }
    const rows = await sql<Row[]>`
      select cm.message_id as id, m.message_id, substring(cm.raw from 1 for ${HEAD_BYTES}) as raw,
        coalesce(m.sent_at, cm.captured_at) as sent_at, m.enrollment_id, e.sequence_id, m.node
      from captured_mail cm
        join messages m on m.id = cm.message_id
        left join enrollments e on e.id = m.enrollment_id
      where cm.workspace_id = ${workspace}
        and (${before}::bigint is null or (cm.captured_at, cm.message_id) < (
          select captured_at, message_id from captured_mail
          where workspace_id = ${workspace} and message_id = ${before}))
      order by cm.captured_at desc, cm.message_id desc
      limit ${limit}`;
    const last = rows.at(-1);
    if (rows.length === limit && last) {
      const next = new URL(c.req.url);
      next.searchParams.set('before', String(last.id));
      next.searchParams.set('limit', String(limit));
      c.header('Link', `<${next.pathname}${next.search}>; rel="next"`);
    }
    return c.json(rows.map((row) => entry(row, readHeaders(row.raw))));
  });
  api.all('/outbox', methodNotAllowed(['GET', 'HEAD']));

  api.get('/outbox/:id', async (c) => {
    const row = await findOne(sql, c);
    const headers = readHeaders(row.raw);
    const cc = headerValue(headers, 'cc');
    const replyTo = headerValue(headers, 'reply-to');
    return c.json({
      ...entry(row, headers),
      ...(cc ? { cc } : {}),
      ...(replyTo ? { replyTo } : {}),
      headers,
      ...readBodies(row.raw),
    });
  });
  api.all('/outbox/:id', methodNotAllowed(['GET', 'HEAD']));

  api.get('/outbox/:id/raw', async (c) => {
    const row = await findOne(sql, c);
    c.header('Content-Type', 'message/rfc822');
    c.header('Content-Disposition', `inline; filename="message-${row.id}.eml"`);
    return c.body(new Uint8Array(row.raw));
  });
  api.all('/outbox/:id/raw', methodNotAllowed(['GET', 'HEAD']));
}

function entry(row: Row, headers: readonly MailHeader[]): OutboxEntry {
  return {
    id: row.id,
    messageId: row.message_id ?? headerValue(headers, 'message-id') ?? null,
    to: headerValue(headers, 'to') ?? '',
    from: headerValue(headers, 'from') ?? '',
    subject: headerValue(headers, 'subject') ?? '',
    sentAt: row.sent_at.toISOString(),
    ...(row.enrollment_id ? { enrollmentId: row.enrollment_id } : {}),
    ...(row.sequence_id ? { sequenceId: row.sequence_id } : {}),
    ...(row.node ? { node: row.node } : {}),
  };
}

/** The captured message named by `:id` in the caller's workspace; any other id is a 404. */
async function findOne(sql: Sql, c: Context<ApiEnv>): Promise<Row> {
  const text = c.req.param('id') ?? '';
  const id = /^[1-9]\d{0,14}$/.test(text) ? Number(text) : null;
  const [row] =
    id === null
      ? []
      : await sql<Row[]>`
          select cm.message_id as id, m.message_id, cm.raw,
            coalesce(m.sent_at, cm.captured_at) as sent_at, m.enrollment_id, e.sequence_id, m.node
          from captured_mail cm
            join messages m on m.id = cm.message_id
            left join enrollments e on e.id = m.enrollment_id
          where cm.workspace_id = ${c.var.workspace} and cm.message_id = ${id}`;
  if (!row)
    throw new ApiError(404, 'message_not_found', `no captured message ${JSON.stringify(text)}`);
  return row;
}

function page(c: Context): { limit: number; before: number | null } {
  const limitText = c.req.query('limit');
  const limit = limitText === undefined ? PAGE_DEFAULT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX)
    throw new ApiError(
      400,
      'invalid_query',
      `"limit" must be a whole number from 1 to ${PAGE_MAX}`,
    );
  const beforeText = c.req.query('before');
  if (beforeText === undefined) return { limit, before: null };
  if (!/^[1-9]\d{0,14}$/.test(beforeText))
    throw new ApiError(
      400,
      'invalid_query',
      '"before" must be the id of a captured message (the last one of the previous page)',
    );
  return { limit, before: Number(beforeText) };
}
