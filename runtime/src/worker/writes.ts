import type { TransactionSql } from 'postgres';
import {
  type QueuedMessage,
  queueMessages,
  type ScheduledStep,
  scheduleSteps,
  unscheduleSteps,
} from './jobs.ts';

/** An enrollment's new state and where it stands, after an input. */
export interface EnrollmentUpdate {
  id: string;
  state: unknown;
  state_version: number;
  status: string;
  node: string | null;
  wake_at: Date | null;
  ended_at: Date | null;
  exit_reason: string | null;
}

type Query = (tx: TransactionSql) => PromiseLike<unknown>;

/**
 * What applying inputs writes, gathered so that each kind goes in one statement, however many
 * enrollments a transaction advances (a batch of steps; one for the others), and all of them
 * in one round trip. The kinds go in the order one enrollment needs: its outbox rows (and
 * their delivery jobs), tasks and contact updates, its new state, the cancelling of what it had
 * queued, its next wake-up. Enrollments in one Writes are distinct, their rows too.
 *
 * A join with jsonb_to_recordset also names its keys with `= any(…)`: the planner can't see
 * how few rows the function gives, and on a large table would rather scan it than use the key.
 */
export class Writes {
  readonly messages: QueuedMessage[] = [];
  /** Tasks and contact updates, as they came (rare enough for a statement each). */
  readonly others: Query[] = [];
  readonly enrollments: EnrollmentUpdate[] = [];
  readonly cancels: Array<{ enrollment_id: string; reason: string }> = [];
  readonly schedules: ScheduledStep[] = [];
  readonly unschedules: string[] = [];

  /**
   * Sends them all; settles when all are done. The first failure fails the transaction, and
   * is the one reported.
   */
  send(tx: TransactionSql): Promise<unknown> {
    const queries: Array<PromiseLike<unknown>> = [];
    if (this.messages.length > 0) queries.push(queueMessages(tx, this.messages));
    for (const query of this.others) queries.push(query(tx));
    if (this.enrollments.length > 0)
      queries.push(tx`
        update enrollments e set
          state = u.state, state_version = u.state_version, status = u.status, node = u.node,
          wake_at = u.wake_at, ended_at = u.ended_at,
          exit_reason = coalesce(u.exit_reason, e.exit_reason), updated_at = now()
        from jsonb_to_recordset(${tx.json(this.enrollments as never)}) as u(
          id uuid, state jsonb, state_version int, status text, node text,
          wake_at timestamptz, ended_at timestamptz, exit_reason text)
        where e.id = u.id and e.id = any(${this.enrollments.map((e) => e.id)}::uuid[])`);
    if (this.cancels.length > 0)
      queries.push(tx`
        update messages m set status = 'failed', last_error = c.reason
        from jsonb_to_recordset(${tx.json(this.cancels as never)}) as c(enrollment_id uuid, reason text)
        where m.enrollment_id = c.enrollment_id and m.status in ('queued', 'sending')
          and m.enrollment_id = any(${this.cancels.map((c) => c.enrollment_id)}::uuid[])`);
    if (this.schedules.length > 0) queries.push(scheduleSteps(tx, this.schedules));
    if (this.unschedules.length > 0) queries.push(unscheduleSteps(tx, this.unschedules));
    const sent = Promise.all(queries);
    // Handled here too: a caller may be waiting on something else when a write fails; it finds
    // the failure when it awaits the result.
    sent.catch(() => {});
    return sent;
  }
}
