import type { TransactionSql } from 'postgres';

/**
 * Graphile Worker jobs, added in the caller's transaction so a step's effects and its next
 * wake-up commit together (or not at all).
 *
 * - `step`: one per enrollment (job_key = the enrollment id), replaced by every reschedule.
 *   Its payload carries the state version it was scheduled for: a stale job does nothing.
 * - `deliver`: one per outbox message (job_key = deliver:<id>).
 */
export type StepPayload = {
  workspace: string;
  enrollment: string;
  version: number;
};

export type DeliverPayload = {
  workspace: string;
  message: number;
};

export async function scheduleStep(tx: TransactionSql, payload: StepPayload, runAt: Date) {
  await tx`
    select graphile_worker.add_job(
      'step',
      ${tx.json(payload)}::json,
      run_at => ${runAt},
      job_key => ${payload.enrollment},
      job_key_mode => 'replace',
      max_attempts => 25
    )`;
}

/** Removes the pending wake-up of an enrollment that ended (a stale one would do nothing). */
export async function unscheduleStep(tx: TransactionSql, enrollment: string) {
  await tx`select graphile_worker.remove_job(${enrollment})`;
}

export async function scheduleDelivery(tx: TransactionSql, payload: DeliverPayload) {
  await tx`
    select graphile_worker.add_job(
      'deliver',
      ${tx.json(payload)}::json,
      job_key => ${`deliver:${payload.message}`},
      job_key_mode => 'preserve_run_at',
      max_attempts => 10
    )`;
}
