import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { Logger, type Runner, run, type Task, type WorkerEvents } from 'graphile-worker';
import type { Sql } from 'postgres';
import { type DeliveryServices, runDelivery } from './deliver.ts';
import { openJobPool } from './job-pool.ts';
import type { DeliverPayload, StepPayload } from './jobs.ts';
import { type LivenessOptions, startLiveness } from './liveness.ts';
import { runStep } from './step.ts';

export interface WorkerOptions {
  /** The database: Graphile Worker takes jobs through a `pg` pool of its own on this URL. */
  connectionString: string;
  sql: Sql;
  services: DeliveryServices;
  /** Jobs run at once per process (default 10). */
  concurrency?: number;
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
  const step: Task = async (payload) => {
    await runStep(sql, payload as StepPayload);
  };
  const deliver: Task = async (payload) => {
    await runDelivery(sql, payload as DeliverPayload, services);
  };
  const log =
    options.log ??
    ((level: string, message: string) => {
      if (level === 'error' || level === 'warning') console.error(`worker ${level}: ${message}`);
    });
  const liveness = startLiveness(sql, {
    process: `${hostname()}:${process.pid}`,
    ...options.liveness,
    onError: (error) => log('warning', `heartbeat: ${String(error)}`),
  });

  const concurrency = options.concurrency ?? 10;
  // Jobs are fetched, completed and listened for on this pool; the tasks use `sql`.
  const pgPool = openJobPool(options.connectionString, concurrency + 2, (message) =>
    log('warning', message),
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
      pollInterval: options.pollInterval ?? 1000,
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

  let stopping = false;
  let current = await startRunner();
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
      await restarting;
      if (!current.ended) await current.runner.stop();
      await liveness.stop();
      await pgPool.end();
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
