import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A data dir whose `postmaster.pid` outlived its owner. Two ways that happens:
 * - the Node process that started PostgreSQL was killed (SIGKILL, OOM): PostgreSQL keeps running,
 *   orphaned, and holds the data dir, so the next start fails with "lock file already exists";
 * - PostgreSQL itself was killed: the pid in the file is dead, or worse, reused by an unrelated
 *   process, which PostgreSQL mistakes for a live postmaster and refuses to start.
 * `reclaimDataDir` settles both before a start; a postmaster whose owner is still alive is left
 * alone and reported.
 */

export interface ProcessInfo {
  ppid: number;
  command: string;
}

const run = promisify(execFile);

/** The postmaster's pid from `postmaster.pid`, or null when there is no such file. */
export async function readPostmasterPid(pgdata: string): Promise<number | null> {
  const text = await readFile(join(pgdata, 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = Number.parseInt(text?.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone we may not signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A running process's parent and command line; null when it is not running. */
export async function processInfo(pid: number): Promise<ProcessInfo | null> {
  if (!isAlive(pid)) return null;
  try {
    // /proc first: slim containers often lack `ps`.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    // The command name in parentheses may hold spaces: the fields start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { ppid, command: cmdline.split('\0').join(' ').trim() };
  } catch {
    const { stdout } = await run('ps', ['-o', 'ppid=,args=', '-p', String(pid)]).catch(() => ({
      stdout: '',
    }));
    const match = /^\s*(\d+)\s+(.*)$/s.exec(stdout.trim());
    return match ? { ppid: Number(match[1]), command: (match[2] ?? '').trim() } : null;
  }
}

/** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) if it lingers. */
export async function stopPostmaster(pid: number): Promise<void> {
  for (const [signal, patience] of [
    ['SIGINT', 20_000],
    ['SIGQUIT', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + patience;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop after SIGINT and SIGQUIT`);
}

/**
 * Makes `pgdata` startable: removes a stale `postmaster.pid`, and stops a PostgreSQL left
 * running by a process that ended. `ownerFile` holds the pid of the process that started the
 * running PostgreSQL (its parent while that process lives).
 */
export async function reclaimDataDir(
  pgdata: string,
  ownerFile: string,
  log: (line: string) => void,
): Promise<void> {
  const pid = await readPostmasterPid(pgdata);
  if (pid === null) return;
  const info = await processInfo(pid);
  if (!info?.command.includes(pgdata)) {
    log(`removing the stale postmaster.pid of PostgreSQL (pid ${pid}) that is no longer running`);
    await rm(join(pgdata, 'postmaster.pid'), { force: true });
    return;
  }
  const owner = Number.parseInt(await readFile(ownerFile, 'utf8').catch(() => ''), 10);
  if (info.ppid === owner)
    throw new Error(
      `PostgreSQL in ${pgdata} is already running (pid ${pid}), started by process ${owner}, ` +
        'which is still running: one data dir serves one process. Stop that process, or ' +
        'connect to its database with DATABASE_URL.',
    );
  if (Number.isNaN(owner))
    throw new Error(
      `A PostgreSQL that Nudge did not start (pid ${pid}) is running in ${pgdata}: stop it first.`,
    );
  log(`stopping PostgreSQL (pid ${pid}) left running by process ${owner}, which has ended`);
  await stopPostmaster(pid);
}
