import { EventEmitter } from 'node:events';
import { Logger, type Runner, run, type Task, type WorkerEvents } from 'graphile-worker';
import type { Sql } from 'postgres';
import { type DeliveryServices, runDelivery } from './deliver.ts';
import { openJobPool } from './job-pool.ts';
import type { DeliverPayload, StepPayload } from './jobs.ts';
import { type LivenessOptions, startLiveness, workerProcessName } from './liveness.ts';
import { holdRenderGuard } from './render-guard.ts';
import { batchSteps, type StepBatchOptions } from './step-batch.ts';

export interface WorkerOptions {
  /** The database: Graphile Worker takes jobs through a `pg` pool of its own on this URL. */
  connectionString: string;
  sql: Sql;
  services: DeliveryServices;
  /** Jobs run at once per process (default WORKER_DEFAULTS.concurrency). */
  concurrency?: number;
  /** How `step` jobs are gathered into transactions (default WORKER_DEFAULTS.stepBatch). */
  stepBatch?: StepBatchOptions;
  /** How often to look for jobs when no notification came, in ms (default 1000). */
  pollInterval?: number;
  /** Where the worker's own messages go (default: errors and warnings to the console). */
  log?: (level: string, message: string) => void;
  /** Heartbeat timing (see liveness.ts); the defaults suit production. */
  liveness?: Pick<LivenessOptions, 'beatEvery' | 'deadAfter' | 'stuckAfter'>;
}

export interface RunningWorker {
  /** Stops taking jobs, waits for the running ones to finish, and closes the worker's pool. */
  stop(): Promise<void>;
  /** The Graphile runner now in charge (a new one after a restart). */
  readonly runner: Runner;
}

/**
 * What startWorker runs with unless told otherwise; pnpm bench:runtime measures these.
 *
 * - concurrency 40: a job mostly waits (for its batch's commit, for SMTP), so more of them at
 *   once keep PostgreSQL and SMTP busy, and step batches grow. Measured on 2 cores (bench (a),
 *   email steps/s): 10 → ~1,200, 20 → ~1,600, 40 → ~2,000; 64 and 100 gained nothing more, as
 *   Graphile Worker's job fetch grows dearer with many jobs locked.
 * - jobPool 12: the connections Graphile Worker fetches and completes jobs on. A worker holds
 *   one only while it fetches or completes, so a dozen serve 40 (measured: no slower than 42),
 *   and every worker process stays well inside PostgreSQL's 100 connections.
 * - stepBatch: up to 40 steps to a transaction, 2 transactions at once (step-batch.ts). Fewer,
 *   larger batches spread a transaction's fixed cost (begin, lock, writes, commit) over more
 *   steps: against 20 × 3, ~15% more steps/s in three runs of bench/runtime-settings.ts; one at
 *   a time was as fast, but would let one slow batch hold up every step.
 * - taskPool 20: the size of the postgres.js pool to give the tasks (`sql`, opened by the
 *   caller): a delivery holds a connection during its hand-off, a step batch one each; more
 *   would only queue inside PostgreSQL.
 */
export const WORKER_DEFAULTS = {
  concurrency: 40,
  pollInterval: 1000,
  jobPool: 12,
  taskPool: 20,
  stepBatch: { size: 40, inFlight: 2 },
} as const;

/** Waits before starting a new runner: from 250 ms, doubling, up to 10 s while PostgreSQL is away. */
const RESTART_DELAY = { first: 250, max: 10_000 };

/**
 * Graphile Worker with Nudge's two tasks: `step` (an enrollment's wake-up) and `deliver` (one
 * outbox message). Signals are the caller's to handle, so the server can drain on SIGTERM.
 *
 * Supervised: when PostgreSQL goes away (a restart, a failover), Graphile's pool can't record
 * that a job finished and shuts itself down; a new runner starts as soon as the database
 * answers again, and the jobs the old pool still held are unlocked at once. Both steps and
 * deliveries are safe to run again, so nothing is doubled.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { sql, services } = options;
  // Steps render the sequence's templates: each render gets a hard time limit (render-guard.ts).
  const renderGuard = holdRenderGuard();
  const runSteps = batchSteps(sql, options.stepBatch ?? WORKER_DEFAULTS.stepBatch);
  const step: Task = (payload) => runSteps(payload as StepPayload);
  const deliver: Task = async (payload, helpers) => {
    const { attempts, max_attempts } = helpers.job;
    await runDelivery(sql, payload as DeliverPayload, services, {
      attempt: attempts,
      maxAttempts: max_attempts,
    });
  };
  const print =
    options.log ??
    ((level: string, message: string) => {
      if (level === 'error' || level === 'warning') console.error(`worker ${level}: ${message}`);
    });
  // The job pool is smaller than the concurrency on purpose (WORKER_DEFAULTS).
  const log = (level: string, message: string) => {
    if (!message.includes('smaller than concurrency')) print(level, message);
  };
  let stopping = false;
  renderGuard.ready.catch((error: unknown) => {
    // Stopped before its thread was up: nothing to say.
    if (!stopping)
      log(
        'warning',
        `the render thread did not start, renders run under node:vm: ${String(error)}`,
      );
  });
  const liveness = startLiveness(sql, {
    process: workerProcessName(process.pid),
    ...options.liveness,
    onError: (error) => log('warning', `heartbeat: ${String(error)}`),
  });

  const concurrency = options.concurrency ?? WORKER_DEFAULTS.concurrency;
  // Jobs are fetched, completed and listened for on this pool; the tasks use `sql`.
  const pgPool = openJobPool(
    options.connectionString,
    Math.min(concurrency + 2, WORKER_DEFAULTS.jobPool),
    (message) => log('warning', message),
  );

  const startRunner = async (): Promise<Generation> => {
    // Graphile Worker locks jobs in the name of the pool (and its workers): both register as
    // they are created, so their jobs can be unlocked if this process dies without a goodbye.
    const ids = new Set<string>();
    const events = new EventEmitter() as WorkerEvents;
    const register = (id: string) => {
      ids.add(id);
      liveness.add(id).catch((error: unknown) => log('warning', String(error)));
    };
    events.on('pool:create', ({ workerPool }) => register(workerPool.id));
    events.on('worker:create', ({ worker }) => register(worker.workerId));
    const runner = await run({
      pgPool,
      concurrency,
      pollInterval: options.pollInterval ?? WORKER_DEFAULTS.pollInterval,
      noHandleSignals: true,
      events,
      logger: new Logger(() => (level, message) => log(level, message)),
      taskList: { step, deliver },
      preset: {
        worker: {
          // Batched completion: Graphile 0.17 leaves the promise of an unbatched completion
          // unawaited, so a failed one (PostgreSQL gone) is an unhandled rejection that would
          // kill the process. A batch retries until PostgreSQL answers (fixed in
          // patches/graphile-worker@0.17.3.patch); if it gives up, the pool shuts down and a
          // new runner starts (below).
          completeJobBatchDelay: 0,
          failJobBatchDelay: 0,
        },
      },
    });
    return { runner, ids, ended: false };
  };

  let current: Generation;
  try {
    current = await startRunner();
  } catch (error) {
    await renderGuard.release();
    throw error;
  }
  let restarting: Promise<void> = Promise.resolve();
  const stopped = new AbortController();
  const supervise = (generation: Generation) => {
    generation.runner.promise
      .catch((error: unknown) => log('warning', `job runner ended: ${String(error)}`))
      .then(() => {
        generation.ended = true;
        if (!stopping) restarting = restart(generation.ids);
      });
  };
  const restart = async (deadIds: Set<string>) => {
    log('warning', 'job runner stopped unexpectedly; restarting it');
    for (
      let delay = RESTART_DELAY.first;
      !stopping;
      delay = Math.min(delay * 2, RESTART_DELAY.max)
    ) {
      await sleep(delay, stopped.signal);
      if (stopping) return;
      try {
        await liveness.release([...deadIds]);
        current = await startRunner();
        supervise(current);
        log('info', 'job runner restarted');
        return;
      } catch (error) {
        log('warning', `job runner restart failed, trying again: ${String(error)}`);
      }
    }
  };
  supervise(current);

  return {
    get runner() {
      return current.runner;
    },
    stop: async () => {
      stopping = true;
      stopped.abort();
      try {
        await restarting;
        if (!current.ended) await current.runner.stop();
        await liveness.stop();
        await pgPool.end();
      } finally {
        await renderGuard.release();
      }
    },
  };
}

interface Generation {
  runner: Runner;
  /** The pool's and its workers' ids: the names its locks are held in. */
  ids: Set<string>;
  ended: boolean;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
