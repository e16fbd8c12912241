/** Clocks for pnpm bench:runtime: jobs seen through Graphile Worker's events, percentiles. */
import type { WorkerEvents } from './runtime-env.ts';

export interface JobClock {
  /** Resolves when `count` jobs of the task succeeded: ms from the first start to the last. */
  done: Promise<number>;
  /** Jobs of the task that threw (each one is a bench failure: nothing should fail). */
  errors: string[];
}

/**
 * Watches `count` jobs of `task` on a runner's events. Both sides of a ratio are clocked the
 * same way: from the first job starting to the last one succeeding, so start-up and the time
 * the jobs took to be added are outside it.
 */
export function clockJobs(events: WorkerEvents, task: string, count: number): JobClock {
  const errors: string[] = [];
  let first = 0;
  let succeeded = 0;
  const done = new Promise<number>((resolve) => {
    const onStart = ({ job }: { job: { task_identifier: string } }) => {
      if (job.task_identifier === task && first === 0) first = performance.now();
    };
    const onSuccess = ({ job }: { job: { task_identifier: string } }) => {
      if (job.task_identifier !== task || ++succeeded < count) return;
      events.off('job:start', onStart);
      events.off('job:success', onSuccess);
      events.off('job:error', onError);
      resolve(performance.now() - first);
    };
    const onError = ({ job, error }: { job: { task_identifier: string }; error: unknown }) => {
      if (job.task_identifier === task) errors.push(String(error));
    };
    events.on('job:start', onStart);
    events.on('job:success', onSuccess);
    events.on('job:error', onError);
  });
  return { done, errors };
}

/** Rejects when `promise` takes longer than `ms`, saying what was awaited. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs `work` over `items`, `concurrency` at a time. */
export async function eachLimit<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await work();
  return [value, performance.now() - t];
}
