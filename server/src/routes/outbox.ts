import type { OutboxEntry } from '@nudge/schema/api';
import type { Context, Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import type { Sql } from '../db/types.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { headerValue, type MailHeader, readBodies, readHeaders } from '../mail/mime.ts';
import { badCursor, idCursor, linkNextPage, type PageRule, readPage } from '../paging.ts';
import { redactSignedLinks } from '../signed-links.ts';

const PAGE: PageRule<number> = {
  cursor: 'before',
  defaultLimit: 50,
  maxLimit: 500,
  parse: idCursor,
  what: 'a captured message',
};
// Headers sit at the start of a message: a list reads this much of each, never whole bodies.
const HEAD_BYTES = 65_536;

interface Row {
  id: number;
  message_id: string | null;
  raw: Buffer;
  sent_at: Date;
  enrollment_id: string | null;
  sequence_id: string | null;
  node: string | null;
  /** A test send's mail (POST /api/sequences/:id/test-send), marked `[TEST] `. */
  test: boolean;
}

/**
 * The captured mail (sent without SMTP_URL): the local mail catcher of the app.
 * GET /outbox lists it newest first, a page at a time (`limit`, and `before`: the last id of
 * the previous page; the next page's URL is in `Link`); GET /outbox/:id gives one message
 * with its bodies, GET /outbox/:id/raw the message itself. Headers are read from the stored
 * message, so the list shows exactly what would have gone out.
 *
 * A sent mail carries its recipient's signed links (signed-links.ts): a viewer gets the message
 * with their tokens redacted (and `redactedLinks` counting them), and no raw message, whose
 * bytes are DKIM-signed and can't be redacted.
 */
export function outboxRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  api.get('/outbox', async (c) => {
    const workspace = c.var.workspace;
    const { limit, cursor: before } = readPage(c, PAGE);
    if (before !== null) {
      const [known] = await sql`
        select 1 from captured_mail where workspace_id = ${workspace} and message_id = ${before}
        union all
        select 1 from test_sends
        where workspace_id = ${workspace} and id = ${before} and raw is not null`;
      if (!known) throw badCursor(PAGE);
    }
    // Subqueries, not a CTE used twice (which would be materialised whole): the conditions
    // go down into each branch of the union.
    const rows = await sql<Row[]>`
      select * from (${captured(sql, workspace, HEAD_BYTES)}) mail
      where ${before}::bigint is null
        or (sent_order, id) < (
          select sent_order, id from (${captured(sql, workspace, 0)}) cursor where id = ${before})
      order by sent_order desc, id desc
      limit ${limit}`;
    linkNextPage(c, PAGE, limit, rows.length, rows.at(-1)?.id);
    return c.json(rows.map((row) => entry(row, readHeaders(row.raw))));
  });
  api.all('/outbox', methodNotAllowed(['GET', 'HEAD']));

  api.get('/outbox/:id', async (c) => {
    const row = await findOne(sql, c);
    const headers = readHeaders(row.raw);
    const cc = headerValue(headers, 'cc');
    const replyTo = headerValue(headers, 'reply-to');
    const message = {
      ...entry(row, headers),
      ...(cc ? { cc } : {}),
      ...(replyTo ? { replyTo } : {}),
      headers,
      ...readBodies(row.raw),
    };
    return c.json(c.var.role === 'viewer' ? withoutTokens(message) : message);
  });
  api.all('/outbox/:id', methodNotAllowed(['GET', 'HEAD']));

  api.get('/outbox/:id/raw', async (c) => {
    // Before the lookup: a viewer learns nothing of which messages exist here either.
    if (c.var.role === 'viewer')
      throw new ApiError(
        403,
        'forbidden',
        "the raw message holds the recipient's signed tracking and unsubscribe links, which a viewer's token may not see: GET /api/outbox/:id shows it with them redacted",
        { role: 'viewer' },
      );
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
    ...(row.test ? { test: true } : {}),
  };
}

/**
 * The workspace's captured mail: the worker's (captured_mail, with its outbox message) and test
 * sends' (test_sends with a raw message, routes/test-send.ts), whose ids come from one
 * sequence. `raw` is the first `headBytes` of each message, or all of it (null).
 */
function captured(sql: Sql, workspace: string, headBytes: number | null) {
  const raw = (column: string) =>
    headBytes === null
      ? sql.unsafe(column)
      : sql`substring(${sql.unsafe(column)} from 1 for ${headBytes})`;
  return sql`
    select cm.message_id as id, m.message_id, ${raw('cm.raw')} as raw,
      coalesce(m.sent_at, cm.captured_at) as sent_at, cm.captured_at as sent_order,
      m.enrollment_id, e.sequence_id, m.node, false as test
    from captured_mail cm
      join messages m on m.id = cm.message_id
      left join enrollments e on e.id = m.enrollment_id
    where cm.workspace_id = ${workspace}
    union all
    select t.id, t.message_id, ${raw('t.raw')} as raw, t.sent_at, t.sent_at as sent_order,
      null, t.sequence_id, t.node, true as test
    from test_sends t
    where t.workspace_id = ${workspace} and t.raw is not null`;
}

/** A message as a viewer sees it: every signed link's token redacted, and how many there were. */
function withoutTokens<
  M extends { headers: MailHeader[]; text: string | null; html: string | null },
>(message: M): M & { redactedLinks: number } {
  let redactedLinks = 0;
  const redact = (text: string) => {
    const redacted = redactSignedLinks(text);
    redactedLinks += redacted.count;
    return redacted.text;
  };
  const headers = message.headers.map((h) => ({ name: h.name, value: redact(h.value) }));
  const text = message.text === null ? null : redact(message.text);
  const html = message.html === null ? null : redact(message.html);
  return { ...message, headers, text, html, redactedLinks };
}

/** The captured message named by `:id` in the caller's workspace; any other id is a 404. */
async function findOne(sql: Sql, c: Context<ApiEnv>): Promise<Row> {
  const text = c.req.param('id') ?? '';
  const id = /^[1-9]\d{0,14}$/.test(text) ? Number(text) : null;
  const [row] =
    id === null
      ? []
      : await sql<Row[]>`
          select * from (${captured(sql, c.var.workspace, null)}) mail where id = ${id}`;
  if (!row)
    throw new ApiError(404, 'message_not_found', `no captured message ${JSON.stringify(text)}`);
  return row;
}
