import type { Sql, Tx } from './types.ts';

/**
 * Queries on test sends (migration 007, `test_sends`), always within the caller's workspace:
 * kept apart from `messages`, so that stats, exits and delivery never see them.
 */

export interface TestSendRecord {
  sequenceId: string;
  node: string;
  channel: 'email' | 'sms' | 'kakao';
  to: string;
}

/**
 * Takes the sender's lock (a token, else the workspace) until the transaction ends, and says
 * how many seconds until the oldest of its `limit` latest sends of the last minute is a minute
 * old: undefined when it has made fewer than `limit` in that minute.
 */
export async function lockRecentSends(
  tx: Tx,
  workspace: string,
  tokenId: string | null,
  limit: number,
): Promise<number | undefined> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${`test-send:${tokenId ?? workspace}`}, 0))`;
  const recent = await tx<Array<{ wait: number }>>`
    select extract(epoch from sent_at + interval '60 seconds' - now())::float8 as wait
    from test_sends
    where workspace_id = ${workspace} and sent_at > now() - interval '60 seconds'
      and (token_id = ${tokenId} or (${tokenId}::uuid is null and token_id is null))
    order by sent_at desc
    limit ${limit}`;
  return recent.length >= limit ? (recent.at(-1)?.wait ?? 60) : undefined;
}

/** Records a test send about to go; returns its id (from the messages' id sequence). */
export async function recordTestSend(
  tx: Tx,
  workspace: string,
  tokenId: string | null,
  send: TestSendRecord,
): Promise<number> {
  const [row] = await tx<Array<{ id: string }>>`
    insert into test_sends (workspace_id, sequence_id, node, channel, recipient, token_id)
    values (${workspace}, ${send.sequenceId}, ${send.node}, ${send.channel}, ${send.to},
            ${tokenId})
    returning id`;
  return Number(row?.id);
}

/** The test send went: what the provider said, and for mail its subject and raw message. */
export async function markTestSendSent(
  sql: Sql,
  workspace: string,
  id: number,
  sent: { providerId: string; subject?: string; messageId?: string; raw?: Buffer | null },
): Promise<void> {
  await sql`
    update test_sends set status = 'sent', subject = ${sent.subject ?? null},
      message_id = ${sent.messageId ?? null}, provider_id = ${sent.providerId},
      raw = ${sent.raw ?? null}, sent_at = now()
    where workspace_id = ${workspace} and id = ${id}`;
}

/** The test send failed, with why. */
export async function markTestSendFailed(
  sql: Sql,
  workspace: string,
  id: number,
  reason: string,
): Promise<void> {
  await sql`update test_sends set status = 'failed', last_error = ${reason}
            where workspace_id = ${workspace} and id = ${id}`;
}
