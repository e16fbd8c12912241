import type { Sql, TransactionSql } from 'postgres';
import type { EmailContent, KakaoContent, Sender, SmsContent, ThreadInfo } from '../core/index.ts';
import { applyInput, lockEnrollment } from './apply.ts';
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

/**
 * The `deliver` job: one outbox message handed to SMTP or the SMS/AlimTalk provider.
 *
 * The hand-off happens inside a transaction that holds the contact and the enrollment (in the
 * order every transaction takes them): a reply or an unsubscribe recorded meanwhile either
 * committed before (it cancelled the queued message, or withdrew consent, checked here) or waits
 * until this send is recorded. The Message-ID was stored with the outbox row, so a
 * retry sends the very same message. A temporary failure rethrows for Graphile Worker to retry
 * with backoff; a permanent one fails the message and the enrollment, with the reason.
 */
export async function runDelivery(
  sql: Sql,
  payload: DeliverPayload,
  services: DeliveryServices,
  clock?: number,
): Promise<DeliveryOutcome> {
  const deliver = async (tx: TransactionSql): Promise<DeliveryOutcome> => {
    const found = await readMessage(tx, payload, false);
    if (!found) return 'done already';
    // The contact, then the enrollment (the order every transaction takes), then the message.
    const enrollment = await lockEnrollment(tx, found.workspace_id, found.enrollment_id);
    const message = await readMessage(tx, payload, true);
    if (!enrollment || !message || message.status === 'sent' || message.status === 'failed')
      return 'done already';
    // Exits cancel queued messages in their own transaction; consent is checked once more here.
    const blocked = await consentWithdrawn(tx, message);
    if (blocked) {
      await fail(tx, message, `cancelled: ${blocked}`);
      return 'cancelled';
    }
    try {
      const sent = await handOff(tx, message, services);
      // Read after the hand-off: sent_at is when the provider took it, not when the job began.
      const now = clock ?? Date.now();
      await tx`
        update messages set status = 'sent', provider_id = ${sent.providerId},
          sent_at = ${new Date(now)}, attempts = attempts + 1, last_error = null
        where id = ${message.id}`;
      if (sent.raw && services.onCaptured) await services.onCaptured(tx, message.id, sent.raw);
      return 'sent';
    } catch (error) {
      if (!(error instanceof DeliveryError) || !error.permanent) throw error;
      await fail(tx, message, error.message);
      const reason = `${message.node}: ${error.message}`;
      if (enrollment.state.status === 'active')
        await applyInput(
          tx,
          enrollment,
          () => ({ kind: 'stop', status: 'failed', reason }),
          clock ?? Date.now(),
        );
      // It reached its end in the step that queued this message: that end was not reached.
      else if (enrollment.state.status === 'completed')
        await tx`
          update enrollments set status = 'failed', exit_reason = ${reason},
            state = jsonb_set(state, '{status}', '"failed"')
          where id = ${enrollment.id}`;
      return 'failed';
    }
  };
  let outcome: DeliveryOutcome;
  try {
    outcome = await sql.begin(deliver);
  } catch (error) {
    // Temporary: count the attempt and say why, then let Graphile Worker retry with backoff.
    const reason = error instanceof Error ? error.message : String(error);
    await sql`
      update messages set attempts = attempts + 1, last_error = ${reason}
      where workspace_id = ${payload.workspace} and id = ${payload.message}`;
    throw error;
  }
  return outcome;
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

async function fail(tx: TransactionSql, message: MessageRow, reason: string) {
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
