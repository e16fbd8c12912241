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

// nudge_add_job and nudge_remove_job (migration 004) do what graphile_worker.add_job and
// remove_job do for one keyed job, at a third of the cost. These return the query unsent, so a
// step can send its writes together (postgres.js pipelines the queries of one tick).

export function scheduleStep(tx: TransactionSql, payload: StepPayload, runAt: Date) {
  return tx`select nudge_add_job('step', ${tx.json(payload)}::json, ${runAt}, ${payload.enrollment}, 25::smallint, false)`;
}

/** Removes the pending wake-up of an enrollment that ended (a stale one would do nothing). */
export function unscheduleStep(tx: TransactionSql, enrollment: string) {
  return tx`select nudge_remove_job(${enrollment})`;
}

/**
 * Queues an outbox message and its `deliver` job in one statement (the job needs the row's
 * id). A message already queued for this enrollment and node (a step that ran again) is left
 * as it is, and gets no second job.
 */
export function queueMessage(tx: TransactionSql, message: QueuedMessage) {
  const { workspace, enrollment, node, channel, messageId, content, thread } = message;
  return tx`
    with queued as (
      insert into messages (workspace_id, enrollment_id, node, channel, message_id, content, thread)
      values (${workspace}, ${enrollment}, ${node}, ${channel}, ${messageId},
              ${tx.json(content as never)}, ${thread ? tx.json(thread as never) : null})
      on conflict (enrollment_id, node) do nothing
      returning id
    )
    select nudge_add_job('deliver', json_build_object('workspace', ${workspace}::text, 'message', id),
                         null, 'deliver:' || id, 10::smallint, true)
    from queued`;
}

export interface QueuedMessage {
  workspace: string;
  enrollment: string;
  node: string;
  channel: string;
  /** An email's RFC 5322 Message-ID; null for SMS and AlimTalk. */
  messageId: string | null;
  content: unknown;
  thread: unknown;
}
