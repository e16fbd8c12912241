import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { Logger, type Runner, run, type Task, type WorkerEvents } from 'graphile-worker';
import type { Sql } from 'postgres';
import { type DeliveryServices, runDelivery } from './deliver.ts';
import type { DeliverPayload, StepPayload } from './jobs.ts';
import { type LivenessOptions, startLiveness } from './liveness.ts';
import { runStep } from './step.ts';

export interface WorkerOptions {
  /** The database: Graphile Worker opens its own pool from the same URL. */
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
  runner: Runner;
}

/**
 * Graphile Worker with Nudge's two tasks: `step` (an enrollment's wake-up) and `deliver` (one
 * outbox message). Signals are the caller's to handle, so the server can drain on SIGTERM.
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
  // Graphile Worker locks jobs in the name of the pool (and its workers): both register as they
  // are created, so their jobs can be unlocked if this process dies without a goodbye.
  const events = new EventEmitter() as WorkerEvents;
  const register = (id: string) =>
    liveness.add(id).catch((error: unknown) => log('warning', String(error)));
  events.on('pool:create', ({ workerPool }) => register(workerPool.id));
  events.on('worker:create', ({ worker }) => register(worker.workerId));
  const runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 10,
    pollInterval: options.pollInterval ?? 1000,
    noHandleSignals: true,
    events,
    logger: new Logger(() => (level, message) => log(level, message)),
    taskList: { step, deliver },
  });
  return {
    runner,
    stop: async () => {
      await runner.stop();
      await liveness.stop();
    },
  };
}
