import { spawn } from 'node:child_process';
import { access, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killHard, startInChild } from './crash.test-support.ts';
import { isAlive, readPostmasterPid } from './postmaster.ts';
import { makeTestDataDir, sweepStaleTestDirs } from './test-dirs.test-support.ts';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

describe('test data dirs', { timeout: 60_000 }, () => {
  it('are swept when their run is gone, with the PostgreSQL left in them', async () => {
    const stale = join(tmpdir(), `nudge-test-pg-${await deadPid()}-crashed`);
    await mkdir(stale, { mode: 0o755 });
    try {
      const { child } = await startInChild(join(stale, 'data'));
      const postmaster = await readPostmasterPid(join(stale, 'data', 'pgdata'));
      await killHard(child);
      expect(postmaster !== null && isAlive(postmaster)).toBe(true);

      const mine = await makeTestDataDir();
      await sweepStaleTestDirs();
      expect(postmaster !== null && isAlive(postmaster)).toBe(false);
      expect(await exists(stale)).toBe(false);
      expect(await exists(mine)).toBe(true); // this run is alive: kept
      await rm(mine, { recursive: true });
    } finally {
      await rm(stale, { recursive: true, force: true });
    }
  });
});
