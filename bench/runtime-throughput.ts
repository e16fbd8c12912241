/**
 * (a) Graphile Worker's raw rate for no-op jobs against our email steps, and (d) due steps with
 * an empty queue against the same with a million future wake-ups pending.
 */
import { enroll, type RunningWorker, startWorker, WORKER_DEFAULTS } from '@nudge/runtime/worker';
import type { Sql } from '@nudge/runtime/worker/db';
import { captureMessaging, captureTransport } from '@nudge/runtime/worker/delivery';
import { insertContacts, Logger, ONE_EMAIL, run, workspaceWith } from './runtime-env.ts';
import { clockJobs, within } from './runtime-measure.ts';

/**
 * The settings startWorker ships with (WORKER_DEFAULTS, and the preset runner.ts passes). The
 * raw runner gets the same, job pool size included, so (a)'s ratio is the cost of our tasks.
 */
export const SHIPPED = {
  concurrency: WORKER_DEFAULTS.concurrency,
  pollInterval: WORKER_DEFAULTS.pollInterval,
  maxPoolSize: Math.min(WORKER_DEFAULTS.concurrency + 2, WORKER_DEFAULTS.jobPool),
  preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
};

const quiet = new Logger(() => (level, message) => {
  // The pool is smaller than the concurrency on purpose, as in runner.ts.
  if (message.includes('smaller than concurrency')) return;
  if (level === 'error' || level === 'warning') console.error(`graphile ${level}: ${message}`);
});

/** Our worker with instant-ish delivery: mail is built as for SMTP and kept in memory. */
export function startCaptureWorker(url: string, sql: Sql): Promise<RunningWorker> {
  return startWorker({
    connectionString: url,
    sql,
    services: {
      email: captureTransport(),
      messaging: captureMessaging(),
      publicUrl: 'https://nudge.example',
      secrets: 'bench-secret',
    },
  });
}

/** No-op jobs, added in one add_jobs call, drained by a bare Graphile runner: jobs/s. */
export async function rawRate(url: string, sql: Sql, count: number): Promise<number> {
  const runner = await run({
    connectionString: url,
    ...SHIPPED,
    noHandleSignals: true,
    logger: quiet,
    taskList: { noop: async () => {} },
  });
  try {
    const clock = clockJobs(runner.events, 'noop', count);
    await sql`
      select count(*) from graphile_worker.add_jobs(array(
        select row('noop', json_build_object('i', i), null, now(), 25, null, null, null)::graphile_worker.job_spec
        from generate_series(1, ${count}::int) as i))`;
    const ms = await within(clock.done, 120_000, `${count} no-op jobs`);
    return count / (ms / 1000);
  } finally {
    await runner.stop();
  }
}

export interface StepRate {
  /** Step jobs per second; each made one outbox row (and queued its delivery). */
  stepsPerSecond: number;
  /** Enrollment to captured mail, for the whole batch: enrollments per second. */
  endToEndPerSecond: number;
}

/**
 * `count` contacts enrolled at once in a one-email sequence, on a running worker: the step jobs
 * (enrollment → outbox row + delivery job) are clocked; the deliveries run too (they queue behind
 * the steps: Graphile takes jobs by run_at) and are awaited before returning.
 */
export async function stepRate(
  worker: RunningWorker,
  sql: Sql,
  workspace: string,
  ids: string[],
): Promise<StepRate> {
  const steps = clockJobs(worker.runner.events, 'step', ids.length);
  const deliveries = clockJobs(worker.runner.events, 'deliver', ids.length);
  const started = performance.now();
  const { enrolled } = await enroll(sql, workspace, 'one-email', ids);
  if (enrolled !== ids.length) throw new Error(`enrolled ${enrolled} of ${ids.length}`);
  const stepMs = await within(steps.done, 300_000, `${ids.length} steps`);
  await within(deliveries.done, 300_000, `${ids.length} deliveries`);
  const allMs = performance.now() - started;
  const errors = [...steps.errors, ...deliveries.errors];
  if (errors.length > 0) throw new Error(`${errors.length} jobs failed, first: ${errors[0]}`);
  const [made] = await sql<Array<{ n: number }>>`
    select count(*)::int as n from messages
    where workspace_id = ${workspace} and enrollment_id in (
      select id from enrollments where workspace_id = ${workspace} and contact_id = any(${ids}))
      and status = 'sent'`;
  if (made?.n !== ids.length) throw new Error(`${made?.n} of ${ids.length} emails were sent`);
  return {
    stepsPerSecond: ids.length / (stepMs / 1000),
    endToEndPerSecond: ids.length / (allMs / 1000),
  };
}

/** (a): raw, then ours, back to back. */
export async function throughput(url: string, sql: Sql, count: number) {
  const raw = await rawRate(url, sql, count);
  const workspace = await workspaceWith(sql, { 'one-email': ONE_EMAIL });
  const ids = await insertContacts(sql, workspace, 'a', count);
  const worker = await startCaptureWorker(url, sql);
  try {
    const ours = await stepRate(worker, sql, workspace, ids);
    return { count, raw, ...ours, ratio: ours.stepsPerSecond / raw };
  } finally {
    await worker.stop();
  }
}

/**
 * `count` wake-ups of enrollments due in 1 to 30 days, written straight into Graphile Worker's
 * table in one statement (add_jobs would take minutes for a million): the same columns
 * add_jobs fills, a job_key each, so the worker would run them when due. Their enrollments don't
 * exist, so each would find nothing to do; that matters not, they never come due here.
 */
export async function addFutureWakeUps(sql: Sql, workspace: string, count: number) {
  await sql`insert into graphile_worker._private_tasks (identifier) values ('step') on conflict do nothing`;
  // One statement, keys in order: appending to the key index is much cheaper than a million
  // random inserts, and lookups by key (add_job, remove_job) go just as deep either way.
  await sql`
    insert into graphile_worker._private_jobs (task_id, payload, run_at, max_attempts, key, priority)
    select t.id,
           json_build_object('workspace', ${workspace}::text, 'enrollment', e.id::text, 'version', 1),
           now() + interval '1 day' + random() * interval '29 days', 25, e.id::text, 0
    from graphile_worker._private_tasks t,
         lateral (select gen_random_uuid() as id from generate_series(1, ${count}::int) order by 1) e
    where t.identifier = 'step'`;
}

/**
 * (d): due steps on an empty queue, then again with `pending` future wake-ups. After the bulk
 * insert: VACUUM ANALYZE of the jobs table, which autovacuum does in production as the wake-ups
 * accumulate over days (a fresh million rows with no statistics is not a state production sees).
 */
export async function dueSteps(url: string, sql: Sql, count: number, pending: number) {
  const workspace = await workspaceWith(sql, { 'one-email': ONE_EMAIL });
  const ids = await insertContacts(sql, workspace, 'd', 2 * count);
  const worker = await startCaptureWorker(url, sql);
  try {
    const empty = await stepRate(worker, sql, workspace, ids.slice(0, count));
    const t = performance.now();
    await addFutureWakeUps(sql, workspace, pending);
    await sql`vacuum analyze graphile_worker._private_jobs`;
    const insertMs = performance.now() - t;
    const full = await stepRate(worker, sql, workspace, ids.slice(count));
    const [jobs] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from graphile_worker._private_jobs where run_at > now()`;
    return {
      count,
      pending: jobs?.n ?? 0,
      insertMs,
      empty: empty.stepsPerSecond,
      full: full.stepsPerSecond,
      slowdown: 1 - full.stepsPerSecond / empty.stepsPerSecond,
    };
  } finally {
    await worker.stop();
  }
}
