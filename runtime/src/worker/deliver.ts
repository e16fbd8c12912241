import type { Sql, TransactionSql } from 'postgres';
import type { EmailContent, KakaoContent, Sender, SmsContent, ThreadInfo } from '../core/index.ts';
import {
  applyInput,
  type LockedContact,
  type LockedEnrollment,
  lockEnrollmentOfMessage,
} from './apply.ts';
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

/** An outbox message, read under its lock with what its hand-off needs beyond the contact. */
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
  /** The contact's address for this channel is suppressed (the lock's flag is for any). */
  suppressed: boolean;
  default_sender: Sender | null;
  /** The Message-IDs of the nodes the thread names, by node. */
  thread_ids: Record<string, string> | null;
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
    const blocked = consentWithdrawn(enrollment.contact, message);
    if (blocked) {
      await cancel(tx, message, `cancelled: ${blocked}`);
      return 'cancelled';
    }
    try {
      const sent = await handOff(tx, enrollment, message, services);
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
 * order every transaction takes them), then the message. Both statements go in one round
 * trip; the second runs once the first holds its locks. Null when there is nothing left to
 * do: the message is gone, or was sent or failed already.
 */
async function holdMessage(tx: TransactionSql, payload: DeliverPayload) {
  const [enrollment, message] = await Promise.all([
    lockEnrollmentOfMessage(tx, payload.workspace, payload.message),
    readMessage(tx, payload),
  ]);
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

/**
 * The message, locked, with its channel's suppression, the sender and the thread. The
 * contact's address and consent come with the enrollment's lock (lockEnrollmentOfMessage).
 */
async function readMessage(
  tx: TransactionSql,
  payload: DeliverPayload,
): Promise<MessageRow | null> {
  const [row] = await tx<MessageRow[]>`
    select m.id, m.workspace_id, m.enrollment_id, m.node, m.channel, m.status, m.content,
      m.thread, m.message_id,
      exists (
        select 1 from suppressions s where s.workspace_id = c.workspace_id
          and ((s.channel = 'email' and m.channel = 'email' and s.address = lower(c.email))
            or (s.channel = 'phone' and m.channel <> 'email' and s.address = c.phone))
      ) as suppressed,
      w.default_sender,
      (select jsonb_object_agg(t.node, t.message_id) from messages t
        where m.thread is not null and t.enrollment_id = m.enrollment_id
          and t.message_id is not null
          and (t.node = m.thread ->> 'inReplyTo' or m.thread -> 'references' ? t.node)
      ) as thread_ids
    from messages m
      join enrollments e on e.workspace_id = m.workspace_id and e.id = m.enrollment_id
      join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
      join workspaces w on w.id = m.workspace_id
    where m.workspace_id = ${payload.workspace} and m.id = ${payload.message}
    for update of m`;
  return row ?? null;
}

/** Why this contact may not be written to any more, or null. */
function consentWithdrawn(contact: LockedContact, message: MessageRow): string | null {
  if (contact.unsubscribed) return 'the contact unsubscribed';
  return message.suppressed ? 'the address is suppressed' : null;
}

async function cancel(tx: TransactionSql, message: MessageRow, reason: string) {
  await tx`update messages set status = 'failed', last_error = ${reason} where id = ${message.id}`;
}

async function handOff(
  tx: TransactionSql,
  enrollment: LockedEnrollment,
  message: MessageRow,
  services: DeliveryServices,
): Promise<{ providerId: string; raw?: Buffer }> {
  const { contact } = enrollment;
  if (message.channel === 'email') {
    if (!contact.email)
      throw new DeliveryError('the contact has no email address', {
        permanent: true,
        code: 'no_address',
      });
    const compiled = await compiledVersion(
      tx,
      message.workspace_id,
      enrollment.sequence_id,
      enrollment.version,
    );
    const mail = composeEmail({
      content: message.content as EmailContent,
      to: { address: contact.email, ...(contact.name ? { name: contact.name } : {}) },
      messageId: message.message_id as string,
      ...(message.default_sender ? { defaultSender: message.default_sender } : {}),
      thread: threadIds(message),
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
      to: content.to ?? contact.phone ?? '',
      text: content.text,
      from: services.smsFrom ?? '',
    });
  }
  const content = message.content as KakaoContent;
  return services.messaging.sendAlimTalk({
    to: content.to ?? contact.phone ?? '',
    templateCode: content.templateCode,
    text: content.text,
    buttons: content.buttons,
    ...(content.fallbackSms ? { fallbackSms: content.fallbackSms } : {}),
    senderKey: services.kakaoSenderKey ?? '',
    ...(services.smsFrom ? { from: services.smsFrom } : {}),
  });
}

/** Core's thread names email nodes; their Message-IDs came with the message (thread_ids). */
function threadIds(message: MessageRow) {
  const thread = message.thread;
  if (!thread) return null;
  const idOf = message.thread_ids ?? {};
  const references = thread.references.flatMap((node) => {
    const id = idOf[node];
    return id ? [id] : [];
  });
  const inReplyTo = idOf[thread.inReplyTo];
  return inReplyTo ? { inReplyTo, references } : null;
}
