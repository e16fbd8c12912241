import type { Sql, TransactionSql } from 'postgres';
import type { EmailContent, KakaoContent, Sender, SmsContent, ThreadInfo } from '../core/index.ts';
import { applyInput, type LockedEnrollment, lockEnrollment } from './apply.ts';
import {
  composeEmail,
  DeliveryError,
  type EmailTransport,
  type MessagingProvider,
} from './delivery/index.ts';
import type { DeliverPayload } from './jobs.ts';
import { type Secrets, trackingUrls } from './tracking/index.ts';
import { compiledVersion } from './versions.ts';

/** What delivery hands messages to, and what it signs links with. */
export interface DeliveryServices {
  email: EmailTransport;
  messaging: MessagingProvider;
  /** PUBLIC_URL: the base of tracking and unsubscribe links. */
  publicUrl: string;
  secrets: Secrets;
  /** The registered sender number (발신번호) for SMS, and the KakaoTalk sender key. */
  smsFrom?: string;
  kakaoSenderKey?: string;
  /**
   * Called with each captured email (the local outbox), when the transport captures: in the
   * delivery's transaction, so a message is marked sent exactly when its capture is stored.
   */
  onCaptured?: (tx: TransactionSql, message: number, raw: Buffer) => Promise<void>;
}

export type DeliveryOutcome = 'sent' | 'cancelled' | 'failed' | 'done already';

interface MessageRow {
  id: number;
  workspace_id: string;
  enrollment_id: string;
  node: string;
  channel: 'email' | 'sms' | 'kakao';
  status: string;
  content: EmailContent | SmsContent | KakaoContent;
  thread: ThreadInfo | null;
  message_id: string | null;
}

/** Which attempt this is, as Graphile Worker counts them, and the time to record. */
export interface DeliveryAttempt {
  /** This attempt's number, from 1. */
  attempt?: number;
  /** The attempts the job has: on the last, a temporary failure is final (see runDelivery). */
  maxAttempts?: number;
  clock?: number;
}

/**
 * The `deliver` job: one outbox message handed to SMTP or the SMS/AlimTalk provider.
 *
 * The hand-off happens inside a transaction that holds the contact and the enrollment (in the
 * order every transaction takes them): a reply or an unsubscribe recorded meanwhile either
 * committed before (it cancelled the queued message, or withdrew consent, checked here) or waits
 * until this send is recorded. The Message-ID was stored with the outbox row, so a
 * retry sends the very same message. A temporary failure rethrows for Graphile Worker to retry
 * with backoff; a permanent one fails the message and the enrollment, with the reason. So does a
 * temporary failure on the job's last attempt: nothing would ever retry it, and a message left
 * `queued` would hold its enrollment in a step that never ends.
 */
export async function runDelivery(
  sql: Sql,
  payload: DeliverPayload,
  services: DeliveryServices,
  attempt: DeliveryAttempt = {},
): Promise<DeliveryOutcome> {
  const now = () => attempt.clock ?? Date.now();
  const deliver = async (tx: TransactionSql): Promise<DeliveryOutcome> => {
    const held = await holdMessage(tx, payload);
    if (!held) return 'done already';
    const { enrollment, message } = held;
    // Exits cancel queued messages in their own transaction; consent is checked once more here.
    const blocked = await consentWithdrawn(tx, message);
    if (blocked) {
      await cancel(tx, message, `cancelled: ${blocked}`);
      return 'cancelled';
    }
    try {
      const sent = await handOff(tx, message, services);
      // Read after the hand-off: sent_at is when the provider took it, not when the job began.
      await tx`
        update messages set status = 'sent', provider_id = ${sent.providerId},
          sent_at = ${new Date(now())}, attempts = attempts + 1, last_error = null
        where id = ${message.id}`;
      if (sent.raw && services.onCaptured) await services.onCaptured(tx, message.id, sent.raw);
      return 'sent';
    } catch (error) {
      if (!(error instanceof DeliveryError) || !error.permanent) throw error;
      await failForGood(tx, enrollment, message, error.message, now());
      return 'failed';
    }
  };
  try {
    return await sql.begin(deliver);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const { attempt: n, maxAttempts } = attempt;
    if (n !== undefined && maxAttempts !== undefined && n >= maxAttempts) {
      // The last attempt: in a transaction of its own, as the first one rolled back.
      const gaveUp = `gave up after ${n} attempts: ${reason}`;
      const outcome = await sql
        .begin(async (tx): Promise<DeliveryOutcome> => {
          const held = await holdMessage(tx, payload);
          if (!held) return 'done already';
          await failForGood(tx, held.enrollment, held.message, gaveUp, now());
          return 'failed';
        })
        .catch(() => null);
      // Not recorded (PostgreSQL is away too): Graphile keeps the failed job, with its error.
      if (outcome) return outcome;
    }
    // Temporary: count the attempt and say why, then let Graphile Worker retry with backoff.
    await sql`
      update messages set attempts = attempts + 1, last_error = ${reason}
      where workspace_id = ${payload.workspace} and id = ${payload.message}`;
    throw error;
  }
}

/**
 * The message to deliver and its enrollment, locked: the contact, then the enrollment (the
 * order every transaction takes them), then the message. Null when there is nothing left to
 * do: the message is gone, or was sent or failed already.
 */
async function holdMessage(tx: TransactionSql, payload: DeliverPayload) {
  const found = await readMessage(tx, payload, false);
  if (!found) return null;
  const enrollment = await lockEnrollment(tx, found.workspace_id, found.enrollment_id);
  const message = await readMessage(tx, payload, true);
  if (!enrollment || !message || message.status === 'sent' || message.status === 'failed')
    return null;
  return { enrollment, message };
}

/** Fails the message, and its enrollment with it: the step that queued it did not happen. */
async function failForGood(
  tx: TransactionSql,
  enrollment: LockedEnrollment,
  message: MessageRow,
  why: string,
  now: number,
) {
  await tx`
    update messages set status = 'failed', last_error = ${why}, attempts = attempts + 1
    where id = ${message.id}`;
  const reason = `${message.node}: ${why}`;
  if (enrollment.state.status === 'active')
    await applyInput(tx, enrollment, () => ({ kind: 'stop', status: 'failed', reason }), now);
  // It reached its end in the step that queued this message: that end was not reached.
  else if (enrollment.state.status === 'completed')
    await tx`
      update enrollments set status = 'failed', exit_reason = ${reason},
        state = jsonb_set(state, '{status}', '"failed"')
      where id = ${enrollment.id}`;
}

async function readMessage(
  tx: TransactionSql,
  payload: DeliverPayload,
  lock: boolean,
): Promise<MessageRow | null> {
  const [row] = lock
    ? await tx<MessageRow[]>`
        select id, workspace_id, enrollment_id, node, channel, status, content, thread, message_id
        from messages where workspace_id = ${payload.workspace} and id = ${payload.message}
        for update`
    : await tx<MessageRow[]>`
        select id, workspace_id, enrollment_id, node, channel, status, content, thread, message_id
        from messages where workspace_id = ${payload.workspace} and id = ${payload.message}`;
  return row ?? null;
}

/** Why this contact may not be written to any more, or null. */
async function consentWithdrawn(tx: TransactionSql, message: MessageRow): Promise<string | null> {
  const [row] = await tx<Array<{ unsubscribed: boolean; suppressed: boolean }>>`
    select c.unsubscribed, exists (
      select 1 from suppressions s where s.workspace_id = c.workspace_id
        and ((s.channel = 'email' and ${message.channel} = 'email' and s.address = lower(c.email))
          or (s.channel = 'phone' and ${message.channel} <> 'email' and s.address = c.phone))
    ) as suppressed
    from contacts c join enrollments e on e.workspace_id = c.workspace_id and e.contact_id = c.id
    where e.id = ${message.enrollment_id}`;
  if (!row) return 'the contact is gone';
  if (row.unsubscribed) return 'the contact unsubscribed';
  return row.suppressed ? 'the address is suppressed' : null;
}

async function cancel(tx: TransactionSql, message: MessageRow, reason: string) {
  await tx`update messages set status = 'failed', last_error = ${reason} where id = ${message.id}`;
}

async function handOff(
  tx: TransactionSql,
  message: MessageRow,
  services: DeliveryServices,
): Promise<{ providerId: string; raw?: Buffer }> {
  const [contact] = await tx<
    Array<{ email: string | null; phone: string | null; name: string | null }>
  >`
    select c.email, c.phone, c.name from contacts c join enrollments e
      on e.workspace_id = c.workspace_id and e.contact_id = c.id
    where e.id = ${message.enrollment_id}`;
  if (message.channel === 'email') {
    if (!contact?.email)
      throw new DeliveryError('the contact has no email address', {
        permanent: true,
        code: 'no_address',
      });
    const [enrollment] = await tx<
      Array<{ sequence_id: string; version: number; default_sender: Sender | null }>
    >`
      select e.sequence_id, e.version, w.default_sender
      from enrollments e join workspaces w on w.id = e.workspace_id
      where e.id = ${message.enrollment_id}`;
    const compiled = await compiledVersion(
      tx,
      message.workspace_id,
      enrollment?.sequence_id as string,
      enrollment?.version as number,
    );
    const mail = composeEmail({
      content: message.content as EmailContent,
      to: { address: contact.email, ...(contact.name ? { name: contact.name } : {}) },
      messageId: message.message_id as string,
      ...(enrollment?.default_sender ? { defaultSender: enrollment.default_sender } : {}),
      thread: await threadIds(tx, message),
      links: trackingUrls(services.publicUrl, services.secrets, {
        workspaceId: message.workspace_id,
        messageId: message.id,
      }),
      tracking: compiled.settings.tracking,
    });
    const sent = await services.email.send(mail);
    return { providerId: sent.providerId, ...(sent.raw ? { raw: sent.raw } : {}) };
  }
  if (message.channel === 'sms') {
    const content = message.content as SmsContent;
    return services.messaging.sendSms({
      to: content.to ?? contact?.phone ?? '',
      text: content.text,
      from: services.smsFrom ?? '',
    });
  }
  const content = message.content as KakaoContent;
  return services.messaging.sendAlimTalk({
    to: content.to ?? contact?.phone ?? '',
    templateCode: content.templateCode,
    text: content.text,
    buttons: content.buttons,
    ...(content.fallbackSms ? { fallbackSms: content.fallbackSms } : {}),
    senderKey: services.kakaoSenderKey ?? '',
    ...(services.smsFrom ? { from: services.smsFrom } : {}),
  });
}

/** Core's thread names email nodes; their Message-IDs are in this enrollment's outbox. */
async function threadIds(tx: TransactionSql, message: MessageRow) {
  const thread = message.thread;
  if (!thread) return null;
  const rows = await tx<Array<{ node: string; message_id: string | null }>>`
    select node, message_id from messages
    where enrollment_id = ${message.enrollment_id} and node = any(${thread.references}::text[])`;
  const idOf = new Map(rows.map((r) => [r.node, r.message_id]));
  const references = thread.references.flatMap((node) => {
    const id = idOf.get(node);
    return id ? [id] : [];
  });
  const inReplyTo = idOf.get(thread.inReplyTo);
  return inReplyTo ? { inReplyTo, references } : null;
}
