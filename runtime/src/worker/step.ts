import type { Sql, TransactionSql } from 'postgres';
import { type Advanced, newEnrollment } from '../core/index.ts';
import { decideInput, type EnrollmentRow, type LockedContact, lockEnrollments } from './apply.ts';
import type { StepPayload } from './jobs.ts';
import { Writes } from './writes.ts';

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
  const [result] = await runSteps(sql, [payload], clock);
  return result ?? null;
}

/**
 * Several `step` jobs in one transaction (step-batch.ts gathers them): all the enrollments and
 * their contacts locked in one statement, each advanced, every write sent before waiting
 * once, one commit. All or nothing, like one step. The payloads name distinct enrollments.
 * Results in the payloads' order; null for an enrollment that doesn't exist.
 */
export async function runSteps(
  sql: Sql,
  payloads: readonly StepPayload[],
  clock?: number,
): Promise<Array<Advanced | null>> {
  const key = (workspace: string, id: string) => `${workspace}/${id}`;
  if (new Set(payloads.map((p) => key(p.workspace, p.enrollment))).size < payloads.length)
    throw new Error('runSteps: an enrollment appears twice in one batch');
  let written: Promise<unknown> = Promise.resolve();
  const advanced = await sql.begin(async (tx) => {
    const rows = await lockEnrollments(
      tx,
      payloads.map((p) => ({ workspace: p.workspace, enrollment: p.enrollment })),
    );
    // The clock is read once the locks are held, so instants follow the order in which inputs
    // apply: an event that waited for this step gets a later time than the enrollment's start.
    const now = clock ?? Date.now();
    const found = new Map(rows.map((row) => [key(row.workspace_id, row.id), row]));
    const contacts = new Set<string>();
    let writes = new Writes();
    const sent: Array<Promise<unknown>> = [];
    const results: Array<Advanced | null> = [];
    for (const payload of payloads) {
      const row = found.get(key(payload.workspace, payload.enrollment));
      if (!row) {
        results.push(null);
        continue;
      }
      // A second enrollment of one contact: the first may have changed the contact, so the
      // writes so far are sent and waited for, and the contact is read again.
      let locked: LockedContact | undefined = row.contact;
      if (contacts.has(key(row.workspace_id, row.contact_id))) {
        sent.push(writes.send(tx));
        writes = new Writes();
        await Promise.all(sent);
        locked = undefined;
      }
      contacts.add(key(row.workspace_id, row.contact_id));
      results.push(
        row.state.enrolledAt == null
          ? await decideStart(tx, row, now, writes, locked, true)
          : await decideInput(
              tx,
              row,
              (contact) => ({ kind: 'woke', version: payload.version, contact }),
              now,
              writes,
              { contact: locked, ownJob: true },
            ),
      );
    }
    sent.push(writes.send(tx));
    // Not awaited in here: postgres.js then sends COMMIT right behind the writes, one round
    // trip for both. A write that fails aborts the transaction, PostgreSQL answers that COMMIT
    // with a rollback, and the failure is thrown below, once begin() has returned.
    written = Promise.all(sent);
    written.catch(() => {});
    return results;
  });
  await written;
  return advanced;
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
  const writes = new Writes();
  const result = await decideStart(tx, row, now, writes, locked);
  await writes.send(tx);
  return result;
}

async function decideStart(
  tx: TransactionSql,
  row: EnrollmentRow,
  now: number,
  writes: Writes,
  locked?: LockedContact,
  ownJob = false,
) {
  const suppressed = locked
    ? locked.suppressed
    : await isSuppressed(tx, row.workspace_id, row.contact_id);
  return decideInput(
    tx,
    { ...row, state: newEnrollment(row.id) },
    (contact) => ({ kind: 'enrolled', contact, suppressed }),
    now,
    writes,
    { contact: locked, ownJob },
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
