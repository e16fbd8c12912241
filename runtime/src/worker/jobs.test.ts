import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-database.test-support.ts';

/*
 * nudge_add_job and nudge_remove_job (migration 004) stand in for Graphile Worker's add_job and
 * remove_job on one keyed job. Each case runs the same story through both, on keys of their
 * own, and compares the rows left in Graphile's table: an upgrade of Graphile Worker that
 * changes what its functions write fails here.
 */

const { sql } = await createTestDatabase();
const DAY = 86_400_000;
const later = new Date(Date.now() + DAY);
const sooner = new Date(Date.now() + 2 * DAY);

type Step =
  | {
      add: 'step' | 'deliver';
      payload: object;
      runAt: Date | null;
      mode: 'replace' | 'preserve_run_at';
    }
  | { lock: true }
  | { fail: true }
  | { remove: true };

async function play(story: Step[], key: string, ours: boolean) {
  for (const step of story) {
    if ('add' in step) {
      if (ours)
        await sql`select nudge_add_job(${step.add}, ${sql.json(step.payload as never)}::json, ${step.runAt},
                    ${key}, 25::smallint, ${step.mode === 'preserve_run_at'})`;
      else
        await sql`select graphile_worker.add_job(${step.add}, ${sql.json(step.payload as never)}::json,
                    run_at => ${step.runAt}, job_key => ${key}, job_key_mode => ${step.mode}, max_attempts => 25)`;
    } else if ('lock' in step) {
      // As get_job takes a job for a worker.
      await sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'w1', attempts = attempts + 1
                where key = ${key}`;
    } else if ('fail' in step) {
      // As fail_jobs leaves a job that ran out of attempts.
      await sql`update graphile_worker._private_jobs set locked_at = null, locked_by = null, attempts = max_attempts,
                  last_error = 'boom' where key = ${key}`;
    } else {
      if (ours) await sql`select nudge_remove_job(${key})`;
      else await sql`select graphile_worker.remove_job(${key})`;
    }
  }
  // Jobs that lost their key are found by their payload's tag.
  return sql`
    -- A job added for now is compared as due, whatever the instant.
    select t.identifier as task, j.payload,
           case when j.run_at > now() + interval '1 hour' then j.run_at end as run_at, j.max_attempts, j.attempts, j.priority,
           j.revision, j.flags, j.job_queue_id, j.locked_by, j.last_error, j.key is not null as keyed
    from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where j.key = ${key} or j.payload->>'story' = ${key}
    order by j.id`;
}

let stories = 0;
async function same(story: Step[]) {
  stories += 1;
  const tag = (key: string): Step[] =>
    story.map((s) => ('add' in s ? { ...s, payload: { ...s.payload, story: key } } : s));
  const theirs = await play(tag(`g${stories}`), `g${stories}`, false);
  const ours = await play(tag(`n${stories}`), `n${stories}`, true);
  const strip = (rows: typeof theirs) =>
    rows.map((r) => ({ ...r, payload: { ...(r.payload as object), story: undefined } }));
  expect(strip(ours)).toEqual(strip(theirs));
  return ours;
}

describe('nudge_add_job and nudge_remove_job, against add_job and remove_job', () => {
  it('adds a new job, due later or due now', async () => {
    expect(
      await same([{ add: 'step', payload: { v: 1 }, runAt: later, mode: 'replace' }]),
    ).toHaveLength(1);
    const rows = await same([
      { add: 'deliver', payload: { m: 1 }, runAt: null, mode: 'preserve_run_at' },
    ]);
    expect(rows[0]?.task).toBe('deliver');
  });

  it('replaces a waiting job with the same key; preserve_run_at keeps its time', async () => {
    const replaced = await same([
      { add: 'step', payload: { v: 1 }, runAt: later, mode: 'replace' },
      { add: 'step', payload: { v: 2 }, runAt: sooner, mode: 'replace' },
    ]);
    expect(replaced).toMatchObject([{ payload: { v: 2 }, run_at: sooner, revision: 1 }]);
    const kept = await same([
      { add: 'deliver', payload: { v: 1 }, runAt: later, mode: 'preserve_run_at' },
      { add: 'deliver', payload: { v: 2 }, runAt: sooner, mode: 'preserve_run_at' },
    ]);
    expect(kept).toMatchObject([{ payload: { v: 2 }, run_at: later }]);
  });

  it('leaves a running job be, without its key, and adds the new one beside it', async () => {
    const rows = await same([
      { add: 'step', payload: { v: 1 }, runAt: null, mode: 'replace' },
      { lock: true },
      { add: 'step', payload: { v: 2 }, runAt: later, mode: 'replace' },
    ]);
    expect(rows).toMatchObject([
      { payload: { v: 1 }, keyed: false, locked_by: 'w1', attempts: 25 },
      { payload: { v: 2 }, keyed: true, attempts: 0 },
    ]);
  });

  it('replaces a job that failed for good with a fresh one', async () => {
    const rows = await same([
      { add: 'step', payload: { v: 1 }, runAt: null, mode: 'replace' },
      { lock: true },
      { fail: true },
      { add: 'step', payload: { v: 2 }, runAt: later, mode: 'replace' },
    ]);
    expect(rows.filter((r) => r.keyed)).toMatchObject([{ payload: { v: 2 }, attempts: 0 }]);
  });

  it('removes a waiting job, and only unkeys a running one', async () => {
    expect(
      await same([
        { add: 'step', payload: { v: 1 }, runAt: later, mode: 'replace' },
        { remove: true },
      ]),
    ).toEqual([]);
    const running = await same([
      { add: 'step', payload: { v: 1 }, runAt: null, mode: 'replace' },
      { lock: true },
      { remove: true },
    ]);
    expect(running).toMatchObject([{ keyed: false, attempts: 25, locked_by: 'w1' }]);
    // Nothing to remove is no error.
    await same([{ remove: true }]);
  });

  it('nudge_add_new_jobs writes the rows add_job would, and skips a key that has a job', async () => {
    const workspace = crypto.randomUUID();
    const payload = (message: number) => sql.json({ workspace, message });
    await sql`select graphile_worker.add_job('deliver', ${payload(910_001)}::json,
                job_key => 'deliver:910001', job_key_mode => 'preserve_run_at', max_attempts => 10)`;
    const added = await sql<Array<{ n: number }>>`
      select nudge_add_new_jobs('deliver',
        array[${payload(910_002)}::json, ${payload(910_001)}::json],
        array['deliver:910002', 'deliver:910001'], 10::smallint) as n`;
    // 910001 has its job already: kept as it is.
    expect(added[0]?.n).toBe(1);
    const rows = await sql`
      select j.key, j.payload, j.max_attempts, j.attempts, j.priority, j.revision, j.flags,
             j.job_queue_id, j.run_at <= now() as due, t.identifier as task
      from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where j.key in ('deliver:910001', 'deliver:910002') order by j.key`;
    const [theirs, ours] = rows;
    expect(ours).toEqual({
      ...theirs,
      key: 'deliver:910002',
      payload: { workspace, message: 910_002 },
    });
  });
});
