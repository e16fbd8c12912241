/**
 * npx tsx bench/runtime-settings.ts [rounds] — evidence for choosing the worker's settings: our
 * email steps (enrollment → outbox row) and Graphile Worker's raw no-op rate under a few
 * settings, each pair back to back, rounds interleaved, medians reported.
 *
 * It runs our `step` and `deliver` tasks on a Graphile runner of its own (startWorker takes no
 * Graphile preset), without the heartbeat: what differs between the rows is the settings alone.
 * Writes bench/out/runtime-settings.json.
 */
import { enroll, runStep, type StepBatchOptions, WORKER_DEFAULTS } from '@nudge/runtime/worker';
import { closeDb, connect } from '@nudge/runtime/worker/db';
import { captureMessaging, captureTransport } from '@nudge/runtime/worker/delivery';
import { runDelivery } from '../runtime/src/worker/deliver.ts';
import { batchSteps } from '../runtime/src/worker/step-batch.ts';
import {
  insertContacts,
  Logger,
  ONE_EMAIL,
  run,
  startDatabase,
  workspaceWith,
} from './runtime-env.ts';
import { clockJobs, within } from './runtime-measure.ts';
import { printTable, whole, writeResults } from './table.ts';

interface Setting {
  concurrency: number;
  /** Our postgres.js pool, for the tasks. */
  pool: number;
  /** Graphile Worker's pool, for fetching and completing jobs. */
  jobPool: number;
  /** Step batches (step-batch.ts); none: one transaction per step. */
  batch?: StepBatchOptions;
  localQueue?: number;
}
const SETTINGS: Record<string, Setting> = {
  'concurrency 10, a transaction per step': { concurrency: 10, pool: 10, jobPool: 12 },
  'concurrency 10, batches 10×2': {
    concurrency: 10,
    pool: 10,
    jobPool: 12,
    batch: { size: 10, inFlight: 2 },
  },
  'concurrency 20, batches 10×2': {
    concurrency: 20,
    pool: 20,
    jobPool: 12,
    batch: { size: 10, inFlight: 2 },
  },
  'shipped: concurrency 40, batches 40×2': {
    concurrency: WORKER_DEFAULTS.concurrency,
    pool: WORKER_DEFAULTS.taskPool,
    jobPool: WORKER_DEFAULTS.jobPool,
    batch: WORKER_DEFAULTS.stepBatch,
  },
  'concurrency 40, batches 20×3': {
    concurrency: 40,
    pool: 20,
    jobPool: 12,
    batch: { size: 20, inFlight: 3 },
  },
  'concurrency 40, batches 40×1': {
    concurrency: 40,
    pool: 20,
    jobPool: 12,
    batch: { size: 40, inFlight: 1 },
  },
  'concurrency 40, batches 40×2, localQueue 40': {
    concurrency: 40,
    pool: 20,
    jobPool: 12,
    batch: { size: 40, inFlight: 2 },
    localQueue: 40,
  },
};
const COUNT = 2000;
const rounds = Number(process.argv[2] ?? 3);

const logger = new Logger(() => (level, message) => {
  if (level === 'error') console.error(message);
});
const services = {
  email: captureTransport(),
  messaging: captureMessaging(),
  publicUrl: 'https://nudge.example',
  secrets: 'bench-secret',
};

const db = await startDatabase(true);
const rates: Record<string, { raw: number[]; ours: number[] }> = {};
try {
  const workspace = await workspaceWith(db.sql, { 'one-email': ONE_EMAIL });
  // A fresh COUNT of contacts for every setting in every round.
  const ids = await insertContacts(
    db.sql,
    workspace,
    's',
    COUNT * rounds * Object.keys(SETTINGS).length,
  );
  let next = 0;
  for (let round = 0; round < rounds; round++)
    for (const [name, s] of Object.entries(SETTINGS)) {
      console.error(`round ${round + 1}: ${name}`);
      const sql = connect(db.url, { max: s.pool });
      const options = {
        connectionString: db.url,
        concurrency: s.concurrency,
        maxPoolSize: s.jobPool,
        pollInterval: 1000,
        noHandleSignals: true,
        logger,
        preset: {
          worker: {
            completeJobBatchDelay: 0,
            failJobBatchDelay: 0,
            ...(s.localQueue ? { localQueue: { size: s.localQueue } } : {}),
          },
        },
      };
      const raw = await run({ ...options, taskList: { noop: async () => {} } });
      const noops = clockJobs(raw.events, 'noop', COUNT);
      await sql`
        select count(*) from graphile_worker.add_jobs(array(
          select row('noop', '{}'::json, null, now(), 25, null, null, null)::graphile_worker.job_spec
          from generate_series(1, ${COUNT}::int)))`;
      const rawMs = await within(noops.done, 120_000, 'no-op jobs');
      await raw.stop();

      const steps = s.batch ? batchSteps(sql, s.batch) : undefined;
      const ours = await run({
        ...options,
        taskList: {
          step: async (payload) =>
            void (await (steps ? steps(payload as never) : runStep(sql, payload as never))),
          deliver: async (payload) => void (await runDelivery(sql, payload as never, services)),
        },
      });
      const stepClock = clockJobs(ours.events, 'step', COUNT);
      const deliveries = clockJobs(ours.events, 'deliver', COUNT);
      const { enrolled } = await enroll(sql, workspace, 'one-email', ids.slice(next, next + COUNT));
      if (enrolled !== COUNT) throw new Error(`enrolled ${enrolled} of ${COUNT}`);
      next += COUNT;
      const stepMs = await within(stepClock.done, 300_000, 'steps');
      await within(deliveries.done, 300_000, 'deliveries');
      await ours.stop();
      await closeDb(sql);
      if (stepClock.errors.length + deliveries.errors.length > 0) throw new Error('a job failed');
      rates[name] ??= { raw: [], ours: [] };
      rates[name].raw.push(COUNT / (rawMs / 1000));
      rates[name].ours.push(COUNT / (stepMs / 1000));
    }
} finally {
  await db.stop();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const rows = Object.entries(rates).map(([name, r]) => {
  const raw = median(r.raw);
  const ours = median(r.ours);
  return [name, `${whole(raw)} jobs/s`, `${whole(ours)} steps/s`, (ours / raw).toFixed(2)];
});
console.log('');
printTable(['settings (durable PostgreSQL)', 'raw no-op', 'our email steps', 'ratio'], rows);
console.log(`\n${rounds} rounds of ${COUNT} jobs each, medians`);
console.log(
  `wrote ${writeResults('runtime-settings', { count: COUNT, rounds, settings: SETTINGS, rates })}`,
);
