import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { releaseProcess, startLiveness, unlockDead, unlockStuck } from './liveness.ts';

/* Jobs held by a worker that died, or held far too long by one that lost track of them. */

const { sql } = await createTestDatabase();

async function lockedJob(by: string, minutesAgo: number): Promise<string> {
  const [job] = await sql<Array<{ id: string }>>`
    select id from graphile_worker.add_job('step', '{}'::json, job_key => ${`job-${by}-${minutesAgo}`})`;
  await sql`
    update graphile_worker._private_jobs
    set locked_by = ${by}, locked_at = now() - make_interval(mins => ${minutesAgo})
    where id = ${job?.id as string}`;
  return job?.id as string;
}

const lockOf = async (id: string) => {
  const [row] = await sql`select locked_by from graphile_worker._private_jobs where id = ${id}`;
  return row?.locked_by ?? null;
};

describe('liveness', () => {
  it('unlocks the jobs of a worker that stopped beating, and forgets it', async () => {
    const job = await lockedJob('worker-dead', 0);
    const alive = await lockedJob('worker-alive', 0);
    await sql`insert into nudge_workers (id, process, heartbeat_at) values
      ('worker-dead', 'vm:1', now() - interval '1 minute'), ('worker-alive', 'vm:2', now())`;
    expect(await unlockDead(sql, 30_000)).toEqual(['worker-dead']);
    expect(await lockOf(job)).toBeNull();
    expect(await lockOf(alive)).toBe('worker-alive');
    const workers = await sql`select id from nudge_workers`;
    expect(workers.map((w) => w.id)).toEqual(['worker-alive']);
  });

  it('unlocks the jobs of a process seen to exit at once, beating or not, and only its', async () => {
    const pool = await lockedJob('gone-pool', 0);
    const worker = await lockedJob('gone-worker', 0);
    const other = await lockedJob('other-worker', 0);
    await sql`insert into nudge_workers (id, process) values
      ('gone-pool', 'host:41'), ('gone-worker', 'host:41'), ('other-worker', 'host:411')`;
    expect((await releaseProcess(sql, 'host:41')).sort()).toEqual(['gone-pool', 'gone-worker']);
    expect(await lockOf(pool)).toBeNull();
    expect(await lockOf(worker)).toBeNull();
    expect(await lockOf(other)).toBe('other-worker');
    expect(await releaseProcess(sql, 'host:41')).toEqual([]);
    await sql`delete from nudge_workers`;
  });

  it('unlocks a job held far longer than any step or delivery takes', async () => {
    const stuck = await lockedJob('pool-live', 10);
    const running = await lockedJob('pool-live', 0);
    expect(await unlockStuck(sql, 5 * 60_000)).toBe(1);
    expect(await lockOf(stuck)).toBeNull();
    expect(await lockOf(running)).toBe('pool-live');
  });

  it('looks for stuck jobs at a fifth of stuckAfter, not at every beat', async () => {
    const first = await lockedJob('pool-first', 10);
    const liveness = startLiveness(sql, {
      process: 'vm:3',
      beatEvery: 25,
      deadAfter: 30_000,
      stuckAfter: 10_000, // looked for every 2 s
    });
    try {
      const until = async (check: () => Promise<boolean>, ms: number) => {
        const started = Date.now();
        while (Date.now() - started < ms) {
          if (await check()) return true;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return false;
      };
      // The first beat looks.
      expect(await until(async () => (await lockOf(first)) === null, 1500)).toBe(true);
      const second = await lockedJob('pool-second', 10);
      // Beats go on every 25 ms, but the next look is due 2 s after the first.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await lockOf(second)).toBe('pool-second');
      expect(await until(async () => (await lockOf(second)) === null, 4000)).toBe(true);
    } finally {
      await liveness.stop();
    }
  }, 15_000);
});
