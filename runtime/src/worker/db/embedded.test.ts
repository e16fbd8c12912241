import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { killHard, startInChild } from './crash.test-support.ts';
import { type RunningPostgres, startEmbeddedPostgres } from './embedded.ts';
import { isAlive, readPostmasterPid } from './postmaster.ts';
import { makeTestDataDir } from './test-dirs.test-support.ts';

// One data dir walked through a life: first start, restart, crashes, a second claimant.
const root = await makeTestDataDir();
const dataDir = join(root, 'data');
const pgdata = join(dataDir, 'pgdata');
const running: RunningPostgres[] = [];
afterAll(async () => {
  for (const server of running) await server.stop();
  await rm(root, { recursive: true, force: true });
});

async function start(): Promise<RunningPostgres> {
  const server = await startEmbeddedPostgres({ dataDir });
  running.push(server);
  return server;
}

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await sql.unsafe(text)) as unknown as T[];
  } finally {
    await sql.end();
  }
}

const notes = (url: string) => query<{ text: string }>(url, 'select text from notes');

describe('startEmbeddedPostgres', { timeout: 60_000 }, () => {
  it('initialises once, listens on 127.0.0.1 only, and keeps data across a restart', async () => {
    const first = await start();
    expect(first.url).toMatch(/^postgres:\/\/postgres:[\w-]+@127\.0\.0\.1:\d+\/nudge$/);
    await query(
      first.url,
      "create table notes (text text not null); insert into notes values ('kept')",
    );
    const [settings] = await query<{ listen: string; encoding: string; walBuffers: string }>(
      first.url,
      `select current_setting('listen_addresses') as listen,
        current_setting('server_encoding') as encoding,
        current_setting('wal_buffers') as "walBuffers"`,
    );
    expect(settings).toEqual({ listen: '127.0.0.1', encoding: 'UTF8', walBuffers: '64MB' });
    expect((await stat(join(dataDir, 'password'))).mode & 0o777).toBe(0o600);
    await first.stop();
    await first.stop();
    expect(await readPostmasterPid(pgdata)).toBeNull();

    const second = await start();
    expect(await notes(second.url)).toEqual([{ text: 'kept' }]);
    await second.stop();
  });

  it('refuses a data dir that a live process is using', async () => {
    const owner = await start();
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      /already running .* started by process \d+, which is still running/,
    );
    expect(await notes(owner.url)).toHaveLength(1);
    await owner.stop();
  });

  it('takes over after the process that started PostgreSQL was SIGKILLed', async () => {
    const { child, url } = await startInChild(dataDir);
    const orphan = await readPostmasterPid(pgdata);
    await killHard(child);
    // PostgreSQL outlives its parent and still holds the data dir.
    expect(orphan !== null && isAlive(orphan)).toBe(true);
    expect(await notes(url)).toHaveLength(2);

    const server = await start();
    expect(orphan !== null && isAlive(orphan)).toBe(false);
    expect((await notes(server.url)).map((n) => n.text)).toEqual([
      'kept',
      'written before the crash',
    ]);
  });

  it('recovers after PostgreSQL itself was SIGKILLed and its pid reused', async () => {
    const server = running.at(-1) as RunningPostgres;
    const pid = (await readPostmasterPid(pgdata)) as number;
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
    await server.stop(); // must not wait for a process that is gone

    // The stale postmaster.pid now names a live process that is not PostgreSQL.
    const stranger = spawn('sleep', ['60']);
    try {
      const file = join(pgdata, 'postmaster.pid');
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines[0] = String(stranger.pid);
      await writeFile(file, lines.join('\n'));

      const restarted = await start();
      expect(await notes(restarted.url)).toHaveLength(2);
      await restarted.stop();
    } finally {
      stranger.kill();
    }
  });

  it('is shut down when the process that started it exits without stopping it', async () => {
    await startInChild(dataDir, 'exit');
    const pid = await readPostmasterPid(pgdata);
    const deadline = Date.now() + 20_000;
    while (pid !== null && isAlive(pid) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pid !== null && isAlive(pid)).toBe(false);
  });

  it('says so when the password file does not match the data dir', async () => {
    const file = join(dataDir, 'password');
    const password = await readFile(file, 'utf8');
    await writeFile(file, 'not-the-password\n');
    try {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
        /password is not the password it was initialised with/,
      );
      expect(await readPostmasterPid(pgdata)).toBeNull(); // stopped again
    } finally {
      await writeFile(file, password);
    }
  });

  it.runIf(userInfo().uid === 0)(
    'explains a data dir that the postgres OS user cannot reach',
    async () => {
      const locked = await mkdtemp(join(tmpdir(), 'nudge-locked-')); // 0700, owned by root
      try {
        await expect(startEmbeddedPostgres({ dataDir: join(locked, 'data') })).rejects.toThrow(
          `cannot enter ${locked}`,
        );
      } finally {
        await rm(locked, { recursive: true, force: true });
      }
    },
  );
});
