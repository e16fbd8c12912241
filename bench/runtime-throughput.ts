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

/**
 * No-op jobs, added in one add_jobs call, drained by a bare Graphile runner: jobs/s. A first
 * round of `warmUp` jobs is not clocked (JIT, caches, connections), as for our steps.
 */
export async function rawRate(url: string, sql: Sql, count: number, warmUp = 0): Promise<number> {
  const runner = await run({
    connectionString: url,
    ...SHIPPED,
    noHandleSignals: true,
    logger: quiet,
    taskList: { noop: async () => {} },
  });
  const drain = async (n: number) => {
    const clock = clockJobs(runner.events, 'noop', n);
    await sql`
      select count(*) from graphile_worker.add_jobs(array(
        select row('noop', json_build_object('i', i), null, now(), 25, null, null, null)::graphile_worker.job_spec
        from generate_series(1, ${n}::int) as i))`;
    return within(clock.done, 120_000, `${n} no-op jobs`);
  };
  try {
    if (warmUp > 0) await drain(warmUp);
    await settle(sql);
    const ms = await drain(count);
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

/**
 * What autovacuum does to the jobs table between bursts: every clocked round starts from the
 * same state. Graphile Worker's job fetch scans past the dead rows of jobs done before; without
 * this, whichever side runs later pays for the other's (the raw rate halved after 1,000 jobs).
 */
async function settle(sql: Sql) {
  await sql`vacuum analyze graphile_worker._private_jobs`;
}

/**
 * (a): raw, then ours, back to back, in `rounds` interleaved rounds (medians reported: a round
 * of no-op jobs lasts about a second, and single seconds are noisy here). Each side first runs
 * an unclocked fifth as many (a cold process would measure the JIT compiling our code), and
 * each clocked run starts from a settled jobs table.
 */
export async function throughput(url: string, sql: Sql, count: number, rounds = 5) {
  const warmUp = Math.round(count / 5);
  const workspace = await workspaceWith(sql, { 'one-email': ONE_EMAIL });
  const ids = await insertContacts(sql, workspace, 'a', rounds * (count + warmUp));
  const raws: number[] = [];
  const steps: StepRate[] = [];
  for (let round = 0; round < rounds; round++) {
    raws.push(await rawRate(url, sql, count, warmUp));
    const mine = ids.slice(round * (count + warmUp), (round + 1) * (count + warmUp));
    const worker = await startCaptureWorker(url, sql);
    try {
      await stepRate(worker, sql, workspace, mine.slice(count));
      await settle(sql);
      steps.push(await stepRate(worker, sql, workspace, mine.slice(0, count)));
    } finally {
      await worker.stop();
    }
  }
  const raw = median(raws);
  const stepsPerSecond = median(steps.map((s) => s.stepsPerSecond));
  return {
    count,
    warmUp,
    rounds: { raw: raws, steps: steps.map((s) => s.stepsPerSecond) },
    raw,
    stepsPerSecond,
    endToEndPerSecond: median(steps.map((s) => s.endToEndPerSecond)),
    ratio: stepsPerSecond / raw,
  };
}

export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

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
 * (d): due steps on an empty queue, then with `pending` future wake-ups, `rounds` runs of each
 * (medians; with one run a side, the same code came out 3% to 25% slower from one run of the
 * bench to the next). After the bulk insert: VACUUM ANALYZE of the jobs table, which autovacuum
 * does in production as the wake-ups accumulate over days (a fresh million rows with no
 * statistics is not a state production sees), and a checkpoint, so the million rows' WAL is
 * not written out in the middle of a clocked run. (Tried: the empty queue in a second database
 * on the same server, rounds interleaved; that database ran 20–50% slower than the first
 * whichever went first, and several times slower while a worker idled on the other; cause not
 * found.)
 */
export async function dueSteps(url: string, sql: Sql, count: number, pending: number, rounds = 5) {
  const workspace = await workspaceWith(sql, { 'one-email': ONE_EMAIL });
  const warmUp = Math.round(count / 5);
  const ids = await insertContacts(sql, workspace, 'd', 2 * rounds * count + warmUp);
  const batch = (i: number) => ids.slice(i * count, (i + 1) * count);
  const worker = await startCaptureWorker(url, sql);
  try {
    // Unclocked, as in (a): a cold process would make the empty queue look slow.
    await stepRate(worker, sql, workspace, ids.slice(2 * rounds * count));
    const empty: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await settle(sql);
      empty.push((await stepRate(worker, sql, workspace, batch(round))).stepsPerSecond);
    }
    const t = performance.now();
    await addFutureWakeUps(sql, workspace, pending);
    await settle(sql);
    await sql`checkpoint`;
    const insertMs = performance.now() - t;
    const full: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await settle(sql);
      full.push((await stepRate(worker, sql, workspace, batch(rounds + round))).stepsPerSecond);
    }
    const [jobs] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from graphile_worker._private_jobs where run_at > now()`;
    return {
      count,
      pending: jobs?.n ?? 0,
      insertMs,
      rounds: { empty, full },
      empty: median(empty),
      full: median(full),
      slowdown: 1 - median(full) / median(empty),
    };
  } finally {
    await worker.stop();
  }
}
