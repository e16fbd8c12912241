import type { Sql, TransactionSql } from 'postgres';
import { type Advanced, newEnrollment } from '../core/index.ts';
import { applyInput, type EnrollmentRow, type LockedContact, lockEnrollment } from './apply.ts';
import type { StepPayload } from './jobs.ts';

/**
 * The `step` job: an enrollment's wake-up time came, or it was just enrolled (its state not
 * started yet). One transaction; a job for another state version does nothing, so a job that
 * runs twice (a worker killed after committing, before marking the job done) is harmless.
 */
export async function runStep(
  sql: Sql,
  payload: StepPayload,
  clock?: number,
): Promise<Advanced | null> {
  return sql.begin(async (tx) => {
    const row = await lockEnrollment(tx, payload.workspace, payload.enrollment);
    if (!row) return null;
    // The clock is read once the locks are held, so instants follow the order in which inputs
    // apply: an event that waited for this step gets a later time than the enrollment's start.
    const now = clock ?? Date.now();
    if (row.state.enrolledAt == null) return start(tx, row, now, row.contact);
    return applyInput(
      tx,
      row,
      (contact) => ({ kind: 'woke', version: payload.version, contact }),
      now,
      row.contact,
    );
  });
}

/**
 * Applies `enrolled` to an enrollment whose first job has not run yet. `locked`: its contact as
 * lockEnrollment just read it, when nothing changed it since in this transaction.
 */
export async function start(
  tx: TransactionSql,
  row: EnrollmentRow,
  now: number,
  locked?: LockedContact,
): Promise<Advanced> {
  const suppressed = locked
    ? locked.suppressed
    : await isSuppressed(tx, row.workspace_id, row.contact_id);
  return applyInput(
    tx,
    { ...row, state: newEnrollment(row.id) },
    (contact) => ({ kind: 'enrolled', contact, suppressed }),
    now,
    locked,
  );
}

async function isSuppressed(tx: TransactionSql, workspace: string, contact: string) {
  const [row] = await tx<Array<{ suppressed: boolean }>>`
    select exists (
      select 1 from contacts c join suppressions s on s.workspace_id = c.workspace_id
      where c.workspace_id = ${workspace} and c.id = ${contact}
        and ((s.channel = 'email' and s.address = lower(c.email))
          or (s.channel = 'phone' and s.address = c.phone))
    ) as suppressed`;
  return row?.suppressed === true;
}
