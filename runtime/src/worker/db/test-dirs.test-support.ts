import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, reclaimDataDir } from './postmaster.ts';

/**
 * Temporary data dirs of test runs, named after the process that made them
 * (`nudge-test-pg-<pid>-…`), so that a later run can tell the dirs of a killed run from the
 * dirs of a run still going, and clear them away with their PostgreSQL.
 */

const PREFIX = 'nudge-test-pg-';

export async function makeTestDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
  // mkdtemp makes it 0700; the `postgres` OS user must enter it when we are root.
  await chmod(dir, 0o755);
  return dir;
}

/** Removes the dirs of test runs whose process is gone, stopping a PostgreSQL left in them. */
export async function sweepStaleTestDirs(): Promise<void> {
  for (const name of await readdir(tmpdir()).catch(() => [])) {
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (!name.startsWith(PREFIX) || !Number.isInteger(pid) || isAlive(pid)) continue;
    const dir = join(tmpdir(), name);
    const ok = await clearPostgres(dir);
    if (ok) await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/** Stops the PostgreSQL of every data dir found in `dir` (one level deep). */
async function clearPostgres(dir: string): Promise<boolean> {
  const dataDirs = [dir, ...(await readdir(dir).catch(() => [])).map((n) => join(dir, n))];
  try {
    for (const dataDir of dataDirs)
      await reclaimDataDir(join(dataDir, 'pgdata'), join(dataDir, 'owner.pid'), () => {});
    return true;
  } catch {
    return false; // still in use after all (a reused pid): leave it
  }
}
