import type { Sql } from 'postgres';
import type { StepPayload } from './jobs.ts';
import { runStep, runSteps } from './step.ts';

export interface StepBatchOptions {
  /** Steps in one transaction at most (default 10). */
  size?: number;
  /** Batches running at once, each on a connection of its own (default 2). */
  inFlight?: number;
}

interface Waiting {
  payload: StepPayload;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The `step` task, in batches: a step's cost is mostly its transaction (begin, locks, commit,
 * round trips), so the step jobs that arrive while a batch runs go into the next one, several
 * enrollments to a transaction (runSteps). With nothing running, a job starts at once, alone:
 * batching adds no wait. Each job still succeeds or fails on its own: when a batch fails, its
 * jobs run again one by one, so one broken enrollment can't fail the others, and only its job
 * is retried. Exactly once as before: a batch commits whole or not at all.
 */
export function batchSteps(
  sql: Sql,
  options: StepBatchOptions = {},
): (payload: StepPayload) => Promise<void> {
  const size = options.size ?? 10;
  const inFlight = options.inFlight ?? 2;
  const waiting: Waiting[] = [];
  let running = 0;
  const pump = () => {
    while (running < inFlight && waiting.length > 0) {
      const batch = take(waiting, size);
      running += 1;
      void runBatch(sql, batch).finally(() => {
        running -= 1;
        pump();
      });
    }
  };
  return (payload) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ payload, resolve, reject });
      pump();
    });
}

/** Up to `size` waiting jobs, in arrival order, no enrollment twice (a repeat waits its turn). */
function take(waiting: Waiting[], size: number): Waiting[] {
  const batch: Waiting[] = [];
  const enrollments = new Set<string>();
  for (let i = 0; i < waiting.length && batch.length < size; ) {
    const job = waiting[i] as Waiting;
    const key = `${job.payload.workspace}/${job.payload.enrollment}`;
    if (enrollments.has(key)) {
      i += 1;
      continue;
    }
    enrollments.add(key);
    batch.push(job);
    waiting.splice(i, 1);
  }
  return batch;
}

async function runBatch(sql: Sql, batch: Waiting[]): Promise<void> {
  if (batch.length > 1) {
    try {
      await runSteps(
        sql,
        batch.map((job) => job.payload),
      );
      for (const job of batch) job.resolve();
      return;
    } catch {
      // Nothing of it was committed; each job runs alone below and fails alone.
    }
  }
  await Promise.all(
    batch.map((job) => runStep(sql, job.payload).then(() => job.resolve(), job.reject)),
  );
}
