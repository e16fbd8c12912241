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
// remove_job do for one keyed job, at a third of the cost. Each function here is one statement
// for any number of rows (a batch of steps writes each kind at once), returned unsent, so a
// step can send its writes together (postgres.js pipelines the queries of one tick).

export interface ScheduledStep {
  payload: StepPayload;
  runAt: Date;
}

/** Each enrollment's next wake-up, replacing its pending one (job_key = the enrollment). */
export function scheduleSteps(tx: TransactionSql, steps: readonly ScheduledStep[]) {
  const rows = steps.map((s) => ({
    payload: s.payload,
    run_at: s.runAt,
    key: s.payload.enrollment,
  }));
  return tx`
    select nudge_add_job('step', s.payload, s.run_at, s.key, 25::smallint, false)
    from jsonb_to_recordset(${tx.json(rows as never)}) as s(payload json, run_at timestamptz, key text)`;
}

/** Removes the pending wake-ups of enrollments that ended (a stale one would do nothing). */
export function unscheduleSteps(tx: TransactionSql, enrollments: readonly string[]) {
  return tx`select nudge_remove_job(key) from unnest(${enrollments as string[]}::text[]) as key`;
}

/**
 * Queues outbox messages, each with its `deliver` job, in one statement (a job needs its row's
 * id; nudge_add_new_jobs adds them all with one notification). A message already queued for
 * its enrollment and node (a step that ran again) is left as it is, and gets no second job.
 */
export function queueMessages(tx: TransactionSql, messages: readonly QueuedMessage[]) {
  const rows = messages.map((m) => ({
    workspace_id: m.workspace,
    enrollment_id: m.enrollment,
    node: m.node,
    channel: m.channel,
    message_id: m.messageId,
    content: m.content,
    thread: m.thread,
  }));
  return tx`
    with queued as (
      insert into messages (workspace_id, enrollment_id, node, channel, message_id, content, thread)
      select m.workspace_id, m.enrollment_id, m.node, m.channel, m.message_id, m.content, m.thread
      from jsonb_to_recordset(${tx.json(rows as never)}) as m(
        workspace_id uuid, enrollment_id uuid, node text, channel text, message_id text,
        content jsonb, thread jsonb)
      on conflict (enrollment_id, node) do nothing
      returning id, workspace_id
    )
    -- Both arrays in one pass, so their elements line up.
    select nudge_add_new_jobs('deliver',
      array_agg(json_build_object('workspace', workspace_id, 'message', id)),
      array_agg('deliver:' || id), 10::smallint)
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
