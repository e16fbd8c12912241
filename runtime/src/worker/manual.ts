import type { Sql } from 'postgres';
import { applyInput, lockEnrollment } from './apply.ts';
import { start } from './step.ts';

/*
 * What a person does to an enrollment by hand: marks its task done (a call made, a to-do
 * finished, a manual email sent), or stops it. Each is one transaction with the lock order
 * of every other (contact, then enrollment), applying core's `taskCompleted` or `stop`.
 */

export class UnknownTaskError extends Error {
  constructor(id: number) {
    super(`there is no task ${id} in this workspace`);
    this.name = 'UnknownTaskError';
  }
}

export class UnknownEnrollmentError extends Error {
  constructor(id: string) {
    super(`there is no enrollment "${id}" in this workspace`);
    this.name = 'UnknownEnrollmentError';
  }
}

export interface EnrollmentOutcome {
  id: string;
  status: string;
  node: string | null;
}

export interface CompletedTask {
  id: number;
  /** False when it was done already: nothing changed. */
  completed: boolean;
  /** The enrollment after the task: moved on to its next step when it waited for this one. */
  enrollment: EnrollmentOutcome;
}

/**
 * Marks a task done and moves its enrollment on, if it was waiting for it (an enrollment that
 * ended meanwhile stays ended; the task is still marked done, as the person did it).
 */
export async function completeTask(
  sql: Sql,
  workspace: string,
  taskId: number,
  clock?: number,
): Promise<CompletedTask> {
  return sql.begin(async (tx) => {
    const [task] = await tx<Array<{ enrollment_id: string; node: string }>>`
      select enrollment_id, node from tasks where workspace_id = ${workspace} and id = ${taskId}`;
    if (!task) throw new UnknownTaskError(taskId);
    const row = await lockEnrollment(tx, workspace, task.enrollment_id);
    if (!row) throw new UnknownTaskError(taskId);
    const now = clock ?? Date.now();
    const done = await tx`
      update tasks set status = 'done', completed_at = ${new Date(now)}
      where workspace_id = ${workspace} and id = ${taskId} and status = 'open'`;
    const result =
      done.count === 1 && row.state.status === 'active'
        ? await applyInput(
            tx,
            row,
            (contact) => ({ kind: 'taskCompleted', node: task.node, contact }),
            now,
          )
        : null;
    const state = result?.state ?? row.state;
    return {
      id: taskId,
      completed: done.count === 1,
      enrollment: { id: row.id, status: state.status, node: state.node },
    };
  });
}

/**
 * Stops an active enrollment: it ends `stopped` at once, its pending wake-up is removed and
 * what it queued and was not handed off yet is cancelled. Stopping an ended one changes
 * nothing and answers its status.
 */
export async function stopEnrollment(
  sql: Sql,
  workspace: string,
  enrollmentId: string,
  reason = 'stopped by a person',
  clock?: number,
): Promise<EnrollmentOutcome> {
  return sql.begin(async (tx) => {
    const row = await lockEnrollment(tx, workspace, enrollmentId);
    if (!row) throw new UnknownEnrollmentError(enrollmentId);
    const now = clock ?? Date.now();
    // Not started yet (its first job still queued): start it, then stop, so the state is whole.
    const current =
      row.state.enrolledAt == null ? { ...row, state: (await start(tx, row, now)).state } : row;
    if (current.state.status !== 'active')
      return { id: row.id, status: current.state.status, node: current.state.node };
    const result = await applyInput(tx, current, () => ({ kind: 'stop', reason }), now);
    return { id: row.id, status: result.state.status, node: result.state.node };
  });
}
