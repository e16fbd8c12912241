import type { Logger } from './log.ts';
import type { WorkerSettings } from './nudge.ts';
import { describeExit, WorkerChild } from './worker-child.ts';
import { workerCommand, workerEnv } from './worker-env.ts';

/**
 * The worker of `pnpm start` in a process of its own (NUDGE_WORKER=process, the default): a
 * step renders the sequence's templates synchronously, and a template that takes its whole
 * render limit would hold the API's event loop for as long (issue 12: `/api/health` p95 at
 * 5.4 s while 200 such enrollments went through). In its own process, it holds only its own.
 *
 * The process is `nudge worker` (cli/worker*.ts) with the server's settings in its
 * environment. The supervisor starts it after the migrations and waits until it runs; if it
 * dies, it is started again after a wait that doubles with each quick death (1 s to 30 s),
 * each time said in the log; stop() sends SIGTERM, lets the running jobs finish for a while,
 * then SIGKILLs.
 */

export interface WorkerProcessTiming {
  /** How long a worker process may take to say it runs. */
  startMs: number;
  /** The wait before starting a dead worker again; doubled after each quick death. */
  backoffMs: number;
  maxBackoffMs: number;
  /** A process that ran this long before dying starts again after `backoffMs`. */
  stableMs: number;
  /** How long SIGTERM gives the running jobs before SIGKILL: a delivery waits up to a minute on SMTP. */
  stopMs: number;
}

export const WORKER_PROCESS_TIMING: WorkerProcessTiming = {
  startMs: 60_000,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
  stableMs: 60_000,
  stopMs: 30_000,
};

export interface WorkerProcessOptions {
  logger: Logger;
  /**
   * Called with the pid of each worker process that exited, before another starts or stop()
   * returns: startNudge unlocks the jobs it held (runtime's releaseProcess), so that its
   * replacement doesn't wait for its heartbeat to go stale.
   */
  onExit?: (pid: number) => Promise<void>;
  timing?: Partial<WorkerProcessTiming>;
  /** The command to run; default workerCommand() (`nudge worker` through tsx). */
  command?: [string, string[]];
  /** The environment to start from; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningWorkerProcess {
  /** The pid of the worker process now running or starting. */
  readonly pid: number;
  /** Times a dead worker process was started again. */
  readonly restarts: number;
  /** Stops the worker process (SIGTERM, then SIGKILL after `stopMs`) and any restart due. */
  stop(): Promise<void>;
}

/** Starts the worker process and resolves once it runs; rejects, saying why, if it can't. */
export async function startWorkerProcess(
  settings: WorkerSettings,
  options: WorkerProcessOptions,
): Promise<RunningWorkerProcess> {
  const timing = { ...WORKER_PROCESS_TIMING, ...options.timing };
  const { logger } = options;
  const command = options.command ?? workerCommand();
  const env = workerEnv(settings, options.env ?? process.env);
  const launch = () => new WorkerChild(command, env, logger, timing.startMs);

  let stopping = false;
  let restarts = 0;
  let backoff = timing.backoffMs;
  let timer: NodeJS.Timeout | undefined;
  let current = launch();
  // What stop() awaits: the current process's exit, and onExit after it.
  let settled: Promise<void> = Promise.resolve();

  const supervise = (child: WorkerChild) => {
    settled = child.exited.then(async (exit) => {
      await options.onExit?.(child.pid).catch((error: unknown) =>
        logger.error(`worker ${child.pid}: its jobs could not be released`, {
          error: String(error),
        }),
      );
      if (stopping) return;
      if (child.ranMs >= timing.stableMs) backoff = timing.backoffMs;
      logger.error(
        `worker ${child.pid} exited unexpectedly (${describeExit(exit)}); starting it again in ${backoff / 1000} s`,
      );
      timer = setTimeout(restart, backoff);
      backoff = Math.min(backoff * 2, timing.maxBackoffMs);
    });
  };
  const restart = () => {
    if (stopping) return;
    current = launch();
    supervise(current);
    const child = current;
    child.ready.then(
      () => {
        restarts += 1;
        logger.info(`worker ${child.pid}: started again (restart ${restarts})`);
      },
      // A failed start is an exit: supervise() logs it and tries again later.
      () => {},
    );
  };

  try {
    await current.ready;
  } catch (error) {
    current.kill();
    await current.exited;
    await options.onExit?.(current.pid).catch(() => {});
    throw new Error(`the worker process could not start: ${(error as Error).message}`);
  }
  supervise(current);

  return {
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      const { killed } = await current.stop(timing.stopMs);
      if (killed)
        logger.error(
          `worker ${current.pid} did not stop within ${timing.stopMs / 1000} s of SIGTERM: killed`,
        );
      await settled;
    },
  };
}
