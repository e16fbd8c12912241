import type { Contact } from '../core/index.ts';
import type { Sql } from './db/index.ts';
import type { StepPayload } from './jobs.ts';
import { runStep } from './step.ts';

/** Test support for the worker: a workspace with contacts, published sequences, a virtual clock. */

export async function createWorkspace(sql: Sql, contacts: Contact[]): Promise<string> {
  const [workspace] = await sql<Array<{ id: string }>>`
    insert into workspaces (name, default_sender)
    values ('Hanbit', ${sql.json({ name: 'Nudge', email: 'team@nudge.test' })})
    returning id`;
  const w = workspace?.id as string;
  for (const c of contacts)
    await sql`
      insert into contacts (workspace_id, id, email, phone, name, company, title, timezone, owner, tags, attributes, unsubscribed)
      values (${w}, ${c.id as string}, ${c.email ?? null}, ${c.phone ?? null}, ${c.name ?? null}, ${c.company ?? null},
              ${c.title ?? null}, ${c.timezone ?? null}, ${c.owner ? sql.json(c.owner as never) : null},
              ${c.tags ?? []}, ${sql.json((c.attributes ?? {}) as never)}, ${c.unsubscribed ?? false})`;
  return w;
}

export async function publish(sql: Sql, workspace: string, id: string, definition: unknown) {
  await sql`insert into sequences (workspace_id, id, name, draft)
            values (${workspace}, ${id}, ${id}, ${sql.json(definition as never)})`;
  await sql`insert into sequence_versions (workspace_id, sequence_id, version, definition, published_at)
            values (${workspace}, ${id}, 1, ${sql.json(definition as never)}, now())`;
}

/**
 * Runs the pending `step` jobs of a workspace in run_at order on a virtual clock, from `start`
 * until `until` (read from Graphile Worker's table: its public view hides payloads). An
 * enrollment's first job runs at the clock's current time; later ones at their own time.
 * Returns the clock's time when it stopped.
 */
export async function drive(
  sql: Sql,
  workspace: string,
  start: number,
  until: number,
): Promise<number> {
  let now = start;
  for (let turn = 0; turn < 10_000; turn++) {
    const [job] = await sql<Array<{ key: string; payload: StepPayload; run_at: Date }>>`
      select j.key, j.payload, j.run_at
      from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'step' and (j.payload->>'workspace') = ${workspace}
      -- New enrollments' jobs (version 0) are due now on the virtual clock: they go first.
      order by (j.payload->>'version')::int = 0 desc, j.run_at, j.id limit 1`;
    if (!job) return now;
    const at = job.payload.version > 0 ? Math.max(now, job.run_at.getTime()) : now;
    if (at > until) return now;
    now = at;
    await sql`select graphile_worker.remove_job(${job.key})`;
    await runStep(sql, job.payload, now);
  }
  throw new Error('the jobs did not settle');
}
