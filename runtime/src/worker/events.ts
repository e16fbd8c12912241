import type { Sql, TransactionSql } from 'postgres';
import type { EventType } from '../core/index.ts';
import { applyInput, type EnrollmentRow } from './apply.ts';
import { start } from './step.ts';

/** An event as the API, the tracking links and the unsubscribe page report it. */
export interface NewEvent {
  workspace: string;
  contactId: string;
  type: EventType;
  /** Limits the event to the contact's enrollment in this sequence. */
  sequenceId?: string;
  /** The enrollment a tracked message belongs to, when known. */
  enrollmentId?: string;
  node?: string;
  name?: string;
  at?: Date;
  data?: Record<string, unknown>;
  /**
   * Records nothing when an identical event (same contact, type, enrollment, sequence, node,
   * name and data) is already stored at most this many milliseconds before `at`, or after it:
   * a mail client reloading the open pixel, or a scanner following every link, counts once.
   */
  dedupeWithinMs?: number;
}

export interface RecordedEvent {
  id: number;
  /** Enrollments the event ended, with the status they ended with. */
  ended: Array<{ enrollment: string; status: string }>;
  /** Enrollments whose wait it satisfied: they moved on (some may have ended too). */
  woke: string[];
  /** Set when `dedupeWithinMs` found an identical event: `id` is that one, nothing was written. */
  duplicate?: true;
}

export class UnknownContactError extends Error {
  constructor(contactId: string) {
    super(`there is no contact "${contactId}" in this workspace`);
    this.name = 'UnknownContactError';
  }
}

/**
 * Records an event and, in the same transaction, applies it to the contact's active
 * enrollments (all of them, or the one of `sequenceId` / `enrollmentId`): exit criteria end
 * them at once and remove their pending wake-up; a wait_for it satisfies moves on. Unsubscribing
 * also marks the contact and ends every active enrollment; a bounce suppresses the address.
 */
export async function recordEvent(
  sql: Sql,
  event: NewEvent,
  clock?: number,
): Promise<RecordedEvent> {
  return sql.begin(async (tx) => {
    const { workspace, contactId } = event;
    // The contact first, then its enrollments: the lock order of every transaction here.
    const [contact] = await tx<Array<{ email: string | null }>>`
      select email from contacts where workspace_id = ${workspace} and id = ${contactId} for update`;
    if (!contact) throw new UnknownContactError(contactId);
    // Read once the contact is locked: a step that held the lock first started the enrollment
    // earlier, so the event (at "now" by default) counts for it instead of predating it.
    const now = clock ?? Date.now();
    const at = event.at ?? new Date(now);
    // Under the contact's lock, so concurrent replays (from any process) see each other's row.
    if (event.dedupeWithinMs !== undefined) {
      const earlier = await sameEventSince(
        tx,
        event,
        new Date(at.getTime() - event.dedupeWithinMs),
      );
      if (earlier !== null) return { id: earlier, ended: [], woke: [], duplicate: true };
    }
    const [row] = await tx<Array<{ id: number }>>`
      insert into events (workspace_id, contact_id, enrollment_id, sequence_id, type, node, name, at, data)
      values (${workspace}, ${contactId}, ${event.enrollmentId ?? null}, ${event.sequenceId ?? null},
              ${event.type}, ${event.node ?? null}, ${event.name ?? null}, ${at},
              ${event.data ? tx.json(event.data as never) : null})
      returning id`;
    const id = Number(row?.id);

    if (event.type === 'unsubscribed')
      await tx`update contacts set unsubscribed = true where workspace_id = ${workspace} and id = ${contactId}`;
    if (event.type === 'bounced' && contact.email)
      await tx`
        insert into suppressions (workspace_id, channel, address, reason)
        values (${workspace}, 'email', ${contact.email.toLowerCase()}, 'bounced')
        on conflict do nothing`;

    // Unsubscribing ends everything; other events concern one sequence when one is named.
    const everywhere = event.type === 'unsubscribed';
    const sequence = everywhere ? null : (event.sequenceId ?? null);
    const enrollment = everywhere ? null : (event.enrollmentId ?? null);
    const enrollments = await tx<EnrollmentRow[]>`
      select id, workspace_id, sequence_id, version, contact_id, state
      from enrollments
      where workspace_id = ${workspace} and contact_id = ${contactId} and status = 'active'
        and (${sequence}::text is null or sequence_id = ${sequence})
        and (${enrollment}::uuid is null or id = ${enrollment}::uuid)
      order by id
      for update`;

    const result: RecordedEvent = { id, ended: [], woke: [] };
    for (const found of enrollments) {
      // Enrolled, but its first job has not run yet: it starts now, then takes the event.
      const enrolled =
        found.state.enrolledAt == null
          ? { ...found, state: (await start(tx, found, now)).state }
          : found;
      if (enrolled.state.status !== 'active') {
        result.ended.push({ enrollment: found.id, status: enrolled.state.status });
        continue;
      }
      const applied = await applyInput(
        tx,
        enrolled,
        (c) => ({
          kind: 'event',
          event: {
            id: String(id),
            type: event.type,
            at: at.getTime(),
            ...(event.node ? { node: event.node } : {}),
            ...(event.name ? { name: event.name } : {}),
          },
          contact: event.type === 'unsubscribed' ? { ...c, unsubscribed: true } : c,
        }),
        now,
      );
      // A wait it satisfied moved the enrollee on (and may have ended the sequence too).
      if (applied.steps.some((step) => step.action !== 'exit')) result.woke.push(found.id);
      if (applied.state.status !== 'active')
        result.ended.push({ enrollment: found.id, status: applied.state.status });
    }
    return result;
  });
}

/**
 * The id of an event identical to `event` stored at or after `since`, or null. The contact's
 * events by time are an index (events_contact), so this reads a handful of rows.
 */
async function sameEventSince(
  tx: TransactionSql,
  event: NewEvent,
  since: Date,
): Promise<number | null> {
  const [found] = await tx<Array<{ id: string }>>`
    select id from events
    where workspace_id = ${event.workspace} and contact_id = ${event.contactId}
      and at >= ${since} and type = ${event.type}
      and enrollment_id is not distinct from ${event.enrollmentId ?? null}::uuid
      and sequence_id is not distinct from ${event.sequenceId ?? null}::text
      and node is not distinct from ${event.node ?? null}::text
      and name is not distinct from ${event.name ?? null}::text
      and data is not distinct from ${event.data ? tx.json(event.data as never) : null}::jsonb
    order by id desc
    limit 1`;
  return found ? Number(found.id) : null;
}
