import type { Sql, TransactionSql } from 'postgres';
import { type EnrollmentState, moveEnrollment } from '../core/index.ts';
import { type ContactRow, contactOf } from './contact-row.ts';
import { compiledVersion } from './versions.ts';

export interface Stayed {
  enrollmentId: string;
  contactId: string;
  /** The version it stays on. */
  version: number;
  reason: string;
}

export interface MovedEnrollments {
  moved: number;
  /** The first `stayedLimit` enrollees that stay on their version, with the reason. */
  stayed: Stayed[];
  stayedTotal: number;
}

export interface MoveOptions {
  /** A fixed clock (tests); else each batch reads the time once it holds its locks. */
  now?: number;
  /** Enrollments per transaction. */
  batchSize?: number;
  /** How many of those that stay to list. */
  stayedLimit?: number;
}

/**
 * Moves the waiting enrollees of a sequence's earlier versions to `version` (DESIGN.md,
 * "Versions"), by the node-id mappings the versions were published with: core/move.ts decides
 * for each one whether it moves, and where it then waits until when.
 *
 * Called right after the publish transaction commits, in batches of one transaction each:
 * a single transaction over 100,000 enrollees would hold their contacts' locks for minutes,
 * stalling their events, steps and deliveries. Each batch locks its contacts, then their
 * enrollments (the order every transaction takes), and decides from the states it finds then:
 * a step that ran meanwhile ran on the old version, and the move starts from where it left the
 * enrollee. A moved enrollee gets a new state version and its `step` job is replaced with one
 * for it, so a job scheduled before (even one already running, waiting for the lock) is stale.
 * Not all at once, then: a crash midway leaves the rest on their versions, still running
 * correctly, and calling this again moves them.
 *
 * An enrollee on an older version follows the mappings of each publish since, in turn (a
 * version published without one maps every node to the same id).
 */
export async function moveEnrollments(
  sql: Sql,
  workspace: string,
  sequence: string,
  version: number,
  options: MoveOptions = {},
): Promise<MovedEnrollments> {
  const { now, batchSize = 500, stayedLimit = 100 } = options;
  const versions = await sql<Array<{ version: number; migrate: Record<string, string> | null }>>`
    select version, migrate from sequence_versions
    where workspace_id = ${workspace} and sequence_id = ${sequence} and version <= ${version}`;
  const migrates = new Map(versions.map((v) => [v.version, v.migrate]));
  const mappingOf = (from: number) => (node: string) => {
    let id = node;
    for (let k = from + 1; k <= version; k++) {
      const migrate = migrates.get(k);
      if (migrate && Object.hasOwn(migrate, id)) id = migrate[id] as string;
    }
    return id;
  };
  // Enrollments made from now on start on `version`: the ones to move are known now.
  const ids = await sql<Array<{ id: string }>>`
    select id from enrollments
    where workspace_id = ${workspace} and sequence_id = ${sequence} and status = 'active'
      and version < ${version}
    order by id`;

  const result: MovedEnrollments = { moved: 0, stayed: [], stayedTotal: 0 };
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize).map((r) => r.id);
    // Counted once committed.
    const { moved, stayed } = await sql.begin((tx) =>
      moveBatch(tx, { workspace, sequence, version, now }, batch, mappingOf),
    );
    result.moved += moved;
    result.stayedTotal += stayed.length;
    result.stayed.push(...stayed.slice(0, Math.max(0, stayedLimit - result.stayed.length)));
  }
  return result;
}

interface Target {
  workspace: string;
  sequence: string;
  version: number;
  now: number | undefined;
}

interface Row {
  id: string;
  contact_id: string;
  version: number;
  state: EnrollmentState;
  state_version: number;
}

async function moveBatch(
  tx: TransactionSql,
  target: Target,
  batch: string[],
  mappingOf: (from: number) => (node: string) => string,
): Promise<{ moved: number; stayed: Stayed[] }> {
  const { workspace, sequence, version } = target;
  const contacts = await tx<ContactRow[]>`
    select id, email, phone, name, company, title, timezone, locale, owner, tags, attributes, unsubscribed
    from contacts
    where workspace_id = ${workspace}
      and id in (select contact_id from enrollments where id = any(${batch}::uuid[]))
    order by id
    for update`;
  const contactById = new Map(contacts.map((c) => [c.id, contactOf(c)]));
  // Checked again under the lock: one may have ended, or moved, since the list was read.
  const rows = await tx<Row[]>`
    select id, contact_id, version, state, state_version from enrollments
    where workspace_id = ${workspace} and id = any(${batch}::uuid[]) and status = 'active'
      and version < ${version}
    order by id
    for update`;
  // Read under the locks, as a step does: no step that held them first ran at a later instant.
  const now = target.now ?? Date.now();

  const to = await compiledVersion(tx, workspace, sequence, version);
  const notStarted: string[] = [];
  const moves: Array<{ id: string; state: EnrollmentState; node: string; wake_at: string | null }> =
    [];
  const stayed: Stayed[] = [];
  for (const row of rows) {
    // Its first job has not run: it took no step, and that job starts it on the new version.
    if (row.state_version === 0 || row.state.enrolledAt == null) {
      notStarted.push(row.id);
      continue;
    }
    const from = await compiledVersion(tx, workspace, sequence, row.version);
    const map = mappingOf(row.version);
    const mapping: Record<string, string> = {};
    if (row.state.node !== null) mapping[row.state.node] = map(row.state.node);
    const result = moveEnrollment({
      from,
      to,
      version,
      state: row.state,
      contact: contactById.get(row.contact_id) ?? {},
      mapping,
      now,
    });
    if (!result.moved)
      stayed.push({
        enrollmentId: row.id,
        contactId: row.contact_id,
        version: row.version,
        reason: result.reason,
      });
    else
      moves.push({
        id: row.id,
        state: result.state,
        node: result.node as string,
        wake_at: result.wakeAt === null ? null : new Date(result.wakeAt).toISOString(),
      });
  }

  if (notStarted.length > 0)
    await tx`update enrollments set version = ${version} where id = any(${notStarted}::uuid[])`;
  if (moves.length > 0) {
    const json = tx.json(moves.map((m) => ({ ...m, state_version: m.state.version })) as never);
    await tx`
      update enrollments e set
        version = ${version}, state = m.state, state_version = m.state_version, node = m.node,
        wake_at = m.wake_at
      from jsonb_to_recordset(${json}::jsonb)
        as m(id uuid, state jsonb, state_version int, node text, wake_at timestamptz)
      where e.id = m.id`;
    // One `step` job per enrollment (job_key = its id), replaced, as scheduleStep does.
    await tx`
      select graphile_worker.add_jobs(array(
        select row('step', json_build_object('workspace', ${workspace}::text, 'enrollment', m.id, 'version', m.state_version),
                   null, m.wake_at, 25, m.id, null, null)::graphile_worker.job_spec
        from jsonb_to_recordset(${json}::jsonb) as m(id text, state_version int, wake_at timestamptz)
        where m.wake_at is not null))`;
    // A task wait has no wake-up: a job left from before would be stale anyway.
    await tx`
      select graphile_worker.remove_job(m.id)
      from jsonb_to_recordset(${json}::jsonb) as m(id text, wake_at timestamptz)
      where m.wake_at is null`;
  }
  return { moved: notStarted.length + moves.length, stayed };
}
