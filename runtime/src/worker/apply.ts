import type { TransactionSql } from 'postgres';
import {
  type Advanced,
  advance,
  applyUpdate,
  type Contact,
  type EnrollmentState,
  type Input,
} from '../core/index.ts';
import { type ContactRow, columnsOf, contactOf } from './contact-row.ts';
import { generateMessageId } from './delivery/index.ts';
import { scheduleDelivery, scheduleStep, unscheduleStep } from './jobs.ts';
import { compiledVersion } from './versions.ts';

/** A row of `enrollments`, locked by the transaction that applies an input to it. */
export interface EnrollmentRow {
  id: string;
  workspace_id: string;
  sequence_id: string;
  version: number;
  contact_id: string;
  state: EnrollmentState;
}

/**
 * Locks an enrollment for one input: concurrent steps, events and stops queue up here. Every
 * transaction locks the contact before its enrollments (an event may touch several of them),
 * so two of them can't each hold one lock and wait for the other's.
 */
export async function lockEnrollment(
  tx: TransactionSql,
  workspace: string,
  enrollment: string,
): Promise<EnrollmentRow | null> {
  const [owner] = await tx<Array<{ contact_id: string }>>`
    select contact_id from enrollments where workspace_id = ${workspace} and id = ${enrollment}`;
  if (!owner) return null;
  await tx`select 1 from contacts where workspace_id = ${workspace} and id = ${owner.contact_id} for update`;
  const [row] = await tx<EnrollmentRow[]>`
    select id, workspace_id, sequence_id, version, contact_id, state
    from enrollments
    where workspace_id = ${workspace} and id = ${enrollment}
    for update`;
  return row ?? null;
}

/**
 * Applies one input to a locked enrollment, in the caller's transaction (DESIGN.md, "The
 * runtime"): the core decides, and its effects become rows — outbox messages (unique on
 * enrollment and node, so a retried step can't queue a send twice), tasks, the contact's
 * update — with the enrollment's new state and its next wake-up, all committed together.
 */
export async function applyInput(
  tx: TransactionSql,
  row: EnrollmentRow,
  input: (contact: Contact) => Input,
  now: number,
): Promise<Advanced> {
  const [contactRow] = await tx<ContactRow[]>`
    select id, email, phone, name, company, title, timezone, locale, owner, tags, attributes, unsubscribed
    from contacts
    where workspace_id = ${row.workspace_id} and id = ${row.contact_id}
    for update`;
  if (!contactRow) throw new Error(`enrollment ${row.id} has no contact ${row.contact_id}`);
  const contact = contactOf(contactRow);
  const compiled = await compiledVersion(tx, row.workspace_id, row.sequence_id, row.version);
  const result = advance(compiled, row.state, input(contact), now);
  if (result.state === row.state) return result;

  let updated = contact;
  let exitReason: string | null = null;
  for (const effect of result.effects) {
    if (effect.type === 'send') {
      // An email's Message-ID is chosen with its row: a reply queued in the same step can
      // reference it before either is delivered, and a retry resends the very same message.
      const [message] = await tx<Array<{ id: number }>>`
        insert into messages (workspace_id, enrollment_id, node, channel, message_id, content, thread)
        values (${row.workspace_id}, ${row.id}, ${effect.node}, ${effect.channel},
                ${effect.channel === 'email' ? generateMessageId(effect.content.from?.email ?? compiled.sender?.email) : null},
                ${tx.json(effect.content as never)}, ${'thread' in effect && effect.thread ? tx.json(effect.thread as never) : null})
        on conflict (enrollment_id, node) do nothing
        returning id`;
      if (message)
        await scheduleDelivery(tx, { workspace: row.workspace_id, message: Number(message.id) });
    } else if (effect.type === 'createTask') {
      await tx`
        insert into tasks (workspace_id, enrollment_id, node, kind, title, note, assignee, channel, draft, due_at)
        values (${row.workspace_id}, ${row.id}, ${effect.node}, ${effect.kind}, ${effect.title},
                ${effect.note ?? null}, ${effect.assignee}, ${effect.channel ?? null},
                ${effect.draft ? tx.json(effect.draft as never) : null}, ${new Date(effect.due)})
        on conflict (enrollment_id, node) do nothing`;
    } else if (effect.type === 'updateContact') {
      updated = applyUpdate(updated, effect);
    } else {
      exitReason = effect.reason;
    }
  }
  if (updated !== contact) {
    const c = columnsOf(updated);
    await tx`
      update contacts set
        email = ${c.email}, phone = ${c.phone}, name = ${c.name}, company = ${c.company},
        title = ${c.title}, timezone = ${c.timezone}, locale = ${c.locale},
        owner = ${c.owner ? tx.json(c.owner as never) : null}, tags = ${c.tags},
        attributes = ${tx.json(c.attributes as never)}, updated_at = now()
      where workspace_id = ${row.workspace_id} and id = ${row.contact_id}`;
  }

  const state = result.state;
  const ended = state.status !== 'active';
  await tx`
    update enrollments set
      state = ${tx.json(state as never)}, state_version = ${state.version}, status = ${state.status},
      node = ${state.node}, wake_at = ${result.wakeAt === null ? null : new Date(result.wakeAt)},
      ended_at = ${ended ? new Date(now) : null}, exit_reason = coalesce(${exitReason}, exit_reason),
      updated_at = now()
    where id = ${row.id}`;
  // An exit criterion (an event that ended it where it stood) or a person stopping it: what
  // earlier steps queued and was not handed off yet is cancelled here, in the event's
  // transaction. Delivery locks the enrollment too, so a send in flight finishes first and a
  // later one finds this. An event that moved the enrollee on (a wait_for it met) to its end is
  // no exit: what that walk queued goes out, as after a step.
  const kind = input(contact).kind;
  const exited =
    kind === 'stop' || (kind === 'event' && result.steps.every((s) => s.action === 'exit'));
  if (ended && exited)
    await tx`
      update messages set status = 'failed', last_error = ${`cancelled: ${exitReason ?? state.status}`}
      where enrollment_id = ${row.id} and status in ('queued', 'sending')`;
  if (result.wakeAt !== null)
    await scheduleStep(
      tx,
      { workspace: row.workspace_id, enrollment: row.id, version: state.version },
      new Date(result.wakeAt),
    );
  else await unscheduleStep(tx, row.id);
  return result;
}
