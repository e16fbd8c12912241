import type { PendingQuery, Row, TransactionSql } from 'postgres';
import {
  type Advanced,
  advance,
  applyUpdate,
  type CompiledSequence,
  CompileError,
  type Contact,
  type EnrollmentState,
  type Input,
} from '../core/index.ts';
import { type ContactRow, columnsOf, contactOf } from './contact-row.ts';
import { generateMessageId } from './delivery/index.ts';
import { compiledVersion } from './versions.ts';
import { Writes } from './writes.ts';

/** A row of `enrollments`, locked by the transaction that applies an input to it. */
export interface EnrollmentRow {
  id: string;
  workspace_id: string;
  sequence_id: string;
  version: number;
  contact_id: string;
  state: EnrollmentState;
}

/** The enrollment's contact, read under its lock; `suppressed`: its address is suppressed. */
export interface LockedContact extends ContactRow {
  suppressed: boolean;
}

/** An enrollment locked for one input, with its contact as the lock found it. */
export interface LockedEnrollment extends EnrollmentRow {
  contact: LockedContact;
}

/**
 * Locks an enrollment for one input: concurrent steps, events and stops queue up here. Null
 * when there is no such enrollment.
 */
export async function lockEnrollment(
  tx: TransactionSql,
  workspace: string,
  enrollment: string,
): Promise<LockedEnrollment | null> {
  const [row] = await lockEnrollments(tx, [{ workspace, enrollment }]);
  return row ?? null;
}

/**
 * Locks enrollments for one input each, in one statement (a step's cost is mostly round
 * trips); the ones that don't exist are left out.
 */
export function lockEnrollments(
  tx: TransactionSql,
  keys: ReadonlyArray<{ workspace: string; enrollment: string }>,
): Promise<LockedEnrollment[]> {
  // `e.id = any(ids)` besides the join: the planner can't see how few rows unnest gives, and
  // on a large table would rather scan it than use the key.
  const ids = keys.map((k) => k.enrollment);
  return lockWanted(
    tx,
    tx`
      select w.workspace_id, w.id
      from unnest(${keys.map((k) => k.workspace)}::uuid[], ${ids}::uuid[]) as w(workspace_id, id)`,
    tx`e.id = any(${ids}::uuid[])`,
  );
}

/**
 * Locks the enrollment an outbox message belongs to, as lockEnrollment does, found through the
 * message in the same statement. Null when there is no such message or enrollment.
 */
export async function lockEnrollmentOfMessage(
  tx: TransactionSql,
  workspace: string,
  message: number,
): Promise<LockedEnrollment | null> {
  const [row] = await lockWanted(
    tx,
    tx`
      select m.workspace_id, m.enrollment_id as id
      from messages m where m.workspace_id = ${workspace} and m.id = ${message}`,
    tx`e.id = (select enrollment_id from messages where workspace_id = ${workspace} and id = ${message})`,
  );
  return row ?? null;
}

/**
 * Every transaction locks contacts before their enrollments (an event may touch several of
 * them), and several of either in id order, so two transactions can't each hold a lock the
 * other waits for: the materialised CTE locks the contacts, in order, as the sort above the
 * join reads them all; the enrollments are locked above that sort. `wanted` gives the
 * (workspace_id, id) of the enrollments; `ids` restates their ids for the planner.
 */
function lockWanted(
  tx: TransactionSql,
  wanted: PendingQuery<Row[]>,
  ids: PendingQuery<Row[]>,
): Promise<LockedEnrollment[]> {
  return tx<LockedEnrollment[]>`
    with wanted as (${wanted}),
    contact as materialized (
      select c.workspace_id, c.id, c.email, c.phone, c.name, c.company, c.title, c.timezone,
             c.locale, c.owner, c.tags, c.attributes, c.unsubscribed,
             exists (
               select 1 from suppressions s where s.workspace_id = c.workspace_id
                 and ((s.channel = 'email' and s.address = lower(c.email))
                   or (s.channel = 'phone' and s.address = c.phone))) as suppressed
      from contacts c
      where (c.workspace_id, c.id) in (
        select e.workspace_id, e.contact_id
        from enrollments e join wanted w on w.workspace_id = e.workspace_id and w.id = e.id
        where ${ids})
      order by c.workspace_id, c.id
      for update of c
    )
    select e.id, e.workspace_id, e.sequence_id, e.version, e.contact_id, e.state,
           row_to_json(contact) as contact
    from enrollments e
      join wanted w on w.workspace_id = e.workspace_id and w.id = e.id
      join contact on contact.workspace_id = e.workspace_id and contact.id = e.contact_id
    where ${ids}
    order by e.workspace_id, e.id
    for update of e`;
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
  options: InputOptions = {},
): Promise<Advanced> {
  const writes = new Writes();
  const result = await decideInput(tx, row, input, now, writes, options);
  await writes.send(tx);
  return result;
}

export interface InputOptions {
  /** The contact as lockEnrollment just read it; read again (under lock) when absent. */
  contact?: ContactRow;
  /**
   * The input is the enrollment's own `step` job, running now: if the enrollment ends, there
   * is no wake-up to remove (that job is its only one, and Graphile Worker deletes it when it
   * finishes; any other would be stale, and a stale job does nothing).
   */
  ownJob?: boolean;
}

/**
 * applyInput up to its writes, which go into `writes` for the caller to send: a batch of steps
 * sends every enrollment's writes together.
 */
export async function decideInput(
  tx: TransactionSql,
  row: EnrollmentRow,
  input: (contact: Contact) => Input,
  now: number,
  writes: Writes,
  { contact: locked, ownJob = false }: InputOptions = {},
): Promise<Advanced> {
  const [contactRow] = locked
    ? [locked]
    : await tx<ContactRow[]>`
        select id, email, phone, name, company, title, timezone, locale, owner, tags, attributes, unsubscribed
        from contacts
        where workspace_id = ${row.workspace_id} and id = ${row.contact_id}
        for update`;
  if (!contactRow) throw new Error(`enrollment ${row.id} has no contact ${row.contact_id}`);
  const contact = contactOf(contactRow);
  let compiled: CompiledSequence | null = null;
  let refused = '';
  try {
    compiled = await compiledVersion(tx, row.workspace_id, row.sequence_id, row.version);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    refused = error.message;
  }
  const result = compiled
    ? advance(compiled, row.state, input(contact), now)
    : cannotRun(row.state, row.version, refused);
  if (result.state === row.state) return result;

  let updated = contact;
  let exitReason: string | null = null;
  for (const effect of result.effects) {
    if (effect.type === 'send') {
      // An email's Message-ID is chosen with its row: a reply queued in the same step can
      // reference it before either is delivered, and a retry resends the very same message.
      writes.messages.push({
        workspace: row.workspace_id,
        enrollment: row.id,
        node: effect.node,
        channel: effect.channel,
        messageId:
          effect.channel === 'email'
            ? generateMessageId(effect.content.from?.email ?? compiled?.sender?.email)
            : null,
        content: effect.content,
        thread: 'thread' in effect && effect.thread ? effect.thread : null,
      });
    } else if (effect.type === 'createTask') {
      writes.others.push(
        (tx) => tx`
        insert into tasks (workspace_id, enrollment_id, node, kind, title, note, assignee, channel, draft, due_at)
        values (${row.workspace_id}, ${row.id}, ${effect.node}, ${effect.kind}, ${effect.title},
                ${effect.note ?? null}, ${effect.assignee}, ${effect.channel ?? null},
                ${effect.draft ? tx.json(effect.draft as never) : null}, ${new Date(effect.due)})
        on conflict (enrollment_id, node) do nothing`,
      );
    } else if (effect.type === 'updateContact') {
      updated = applyUpdate(updated, effect);
    } else {
      exitReason = effect.reason;
    }
  }
  if (updated !== contact) {
    const c = columnsOf(updated);
    writes.others.push(
      (tx) => tx`
      update contacts set
        email = ${c.email}, phone = ${c.phone}, name = ${c.name}, company = ${c.company},
        title = ${c.title}, timezone = ${c.timezone}, locale = ${c.locale},
        owner = ${c.owner ? tx.json(c.owner as never) : null}, tags = ${c.tags},
        attributes = ${tx.json(c.attributes as never)}, updated_at = now()
      where workspace_id = ${row.workspace_id} and id = ${row.contact_id}`,
    );
  }

  const state = result.state;
  const ended = state.status !== 'active';
  writes.enrollments.push({
    id: row.id,
    state,
    state_version: state.version,
    status: state.status,
    node: state.node,
    wake_at: result.wakeAt === null ? null : new Date(result.wakeAt),
    ended_at: ended ? new Date(now) : null,
    exit_reason: exitReason,
  });
  // An exit criterion (an event that ended it where it stood) or a person stopping it: what
  // earlier steps queued and was not handed off yet is cancelled here, in the event's
  // transaction. Delivery locks the enrollment too, so a send in flight finishes first and a
  // later one finds this. An event that moved the enrollee on (a wait_for it met) to its end is
  // no exit: what that walk queued goes out, as after a step.
  const kind = input(contact).kind;
  const exited =
    compiled === null ||
    kind === 'stop' ||
    (kind === 'event' && result.steps.every((s) => s.action === 'exit'));
  if (ended && exited)
    writes.cancels.push({
      enrollment_id: row.id,
      reason: `cancelled: ${exitReason ?? state.status}`,
    });
  if (result.wakeAt !== null)
    writes.schedules.push({
      payload: { workspace: row.workspace_id, enrollment: row.id, version: state.version },
      runAt: new Date(result.wakeAt),
    });
  else if (!ownJob) writes.unschedules.push(row.id);
  return result;
}

/**
 * An enrollment whose version the runtime refuses (compile's CompileError: a holiday calendar
 * it no longer has, a rule a later release made strict) fails at once, saying why, instead of
 * its job failing and retrying with the enrollment left active.
 */
function cannotRun(state: EnrollmentState, version: number, why: string): Advanced {
  const reason = `version ${version} ${why.replace(/^the sequence /, 'of the sequence ')}`;
  return {
    state: { ...state, version: state.version + 1, status: 'failed', waiting: null },
    effects: [{ type: 'exit', status: 'failed', node: state.node, reason }],
    wakeAt: null,
    steps: [],
  };
}
