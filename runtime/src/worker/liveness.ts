import { hostname } from 'node:os';
import type { Sql } from 'postgres';

/**
 * Heartbeats of this process's Graphile workers, and the unlocking of jobs held by workers that
 * stopped beating (killed without a goodbye). See migrations/002-workers.sql.
 */
export interface Liveness {
  /** Registers a worker of this process. */
  add(workerId: string): Promise<void>;
  /**
   * Forgets workers of this process that are gone (their pool shut down) and unlocks the jobs
   * they still held, at once rather than after `deadAfter`.
   */
  release(workerIds: readonly string[]): Promise<void>;
  /** Stops beating and forgets this process's workers (after a clean stop). */
  stop(): Promise<void>;
}

export interface LivenessOptions {
  /** host:pid, shown in nudge_workers. */
  process: string;
  /** How often to beat, in ms (default 5 s). */
  beatEvery?: number;
  /** A worker silent for this long is dead, in ms (default 30 s). */
  deadAfter?: number;
  /**
   * A job locked this long is stuck, in ms (default 5 min): its worker lives but lost track
   * of it (its completion failed while PostgreSQL was away). Steps and deliveries take
   * milliseconds to a minute (the SMTP timeouts), and both are safe to run again.
   */
  stuckAfter?: number;
  onError?: (error: unknown) => void;
}

export function startLiveness(sql: Sql, options: LivenessOptions): Liveness {
  const beatEvery = options.beatEvery ?? 5000;
  const deadAfter = options.deadAfter ?? 30_000;
  const stuckAfter = options.stuckAfter ?? 300_000;
  const mine = new Set<string>();
  const onError = options.onError ?? (() => {});
  // Stuck jobs are looked for a fifth as often as they may stay stuck (once a minute): the
  // look reads all of Graphile Worker's jobs table (no index fits it), 300-400 ms of a core
  // with a million future wake-ups pending, and was done at every beat.
  const stuckEvery = stuckAfter / 5;
  let lookedForStuck = Number.NEGATIVE_INFINITY;
  const beat = async () => {
    if (mine.size > 0)
      await sql`update nudge_workers set heartbeat_at = now() where id = any(${[...mine]}::text[])`;
    await unlockDead(sql, deadAfter);
    if (performance.now() - lookedForStuck < stuckEvery) return;
    lookedForStuck = performance.now();
    await unlockStuck(sql, stuckAfter);
  };
  const timer = setInterval(() => beat().catch(onError), beatEvery);
  timer.unref();
  return {
    async add(workerId) {
      mine.add(workerId);
      await sql`
        insert into nudge_workers (id, process) values (${workerId}, ${options.process})
        on conflict (id) do update set heartbeat_at = now()`;
      await unlockDead(sql, deadAfter);
    },
    async release(workerIds) {
      const ids = [...workerIds];
      await sql.begin(async (tx) => {
        await tx`delete from nudge_workers where id = any(${ids}::text[])`;
        await tx`select graphile_worker.force_unlock_workers(${ids}::text[])`;
      });
      for (const id of ids) mine.delete(id);
    },
    async stop() {
      clearInterval(timer);
      if (mine.size > 0) await sql`delete from nudge_workers where id = any(${[...mine]}::text[])`;
      mine.clear();
    },
  };
}

/** How a worker process is named in nudge_workers: host and pid. */
export function workerProcessName(pid: number): string {
  return `${hostname()}:${pid}`;
}

/**
 * Forgets the workers of a process known to have exited (its parent saw it go) and unlocks
 * the jobs they held, at once rather than after `deadAfter` of silence: `pnpm start` restarts
 * a worker process that died, and its replacement should not wait 30 s for the jobs. Only for
 * a process that is gone: a live one's jobs would run twice at once. Returns the workers' ids.
 */
export async function releaseProcess(sql: Sql, process: string): Promise<string[]> {
  return sql.begin(async (tx) => {
    const gone = await tx<Array<{ id: string }>>`
      delete from nudge_workers where process = ${process} returning id`;
    const ids = gone.map((g) => g.id);
    if (ids.length > 0) await tx`select graphile_worker.force_unlock_workers(${ids}::text[])`;
    return ids;
  });
}

/** Unlocks the jobs of workers that stopped beating, and forgets them. Returns their ids. */
export async function unlockDead(sql: Sql, deadAfter: number): Promise<string[]> {
  return sql.begin(async (tx) => {
    const dead = await tx<Array<{ id: string }>>`
      delete from nudge_workers
      where heartbeat_at < now() - make_interval(secs => ${deadAfter / 1000})
      returning id`;
    const ids = dead.map((d) => d.id);
    if (ids.length > 0) await tx`select graphile_worker.force_unlock_workers(${ids}::text[])`;
    return ids;
  });
}

/**
 * Unlocks jobs locked for longer than `stuckAfter`. Graphile Worker has no public call for this
 * (force_unlock_workers unlocks everything a worker holds, running jobs included), so this
 * writes its private tables: liveness.test.ts checks it against the version we ship.
 */
export async function unlockStuck(sql: Sql, stuckAfter: number): Promise<number> {
  const cutoff = sql`now() - make_interval(secs => ${stuckAfter / 1000})`;
  const jobs = await sql`
    update graphile_worker._private_jobs set locked_at = null, locked_by = null
    where locked_at < ${cutoff}`;
  await sql`
    update graphile_worker._private_job_queues set locked_at = null, locked_by = null
    where locked_at < ${cutoff}`;
  return jobs.count;
}
