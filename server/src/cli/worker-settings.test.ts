import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { closeDb, connect, startEmbeddedPostgres } from '@nudge/runtime/worker/db';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { tempDataDir, tempDir } from '../test-support.ts';
import { workerSetup } from './worker-settings.ts';

/** A data dir as a running `pnpm start` leaves it: PostgreSQL's pidfile, password, secret. */
function dataDirOf(pid: number, port: number) {
  return tempDir({
    // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, ...
    'pgdata/postmaster.pid': `${pid}\n/x/pgdata\n1767225600\n${port}\n\n127.0.0.1\n`,
    password: 'p@ss word\n',
    secret: 'the-servers-secret\n',
  });
}

describe('workerSetup', () => {
  it('takes DATABASE_URL, NUDGE_SECRET, PUBLIC_URL and SMTP_URL as the server does', async () => {
    const setup = await workerSetup(
      readConfig({
        DATABASE_URL: 'postgres://u:p@db.example:5432/nudge',
        NUDGE_SECRET: 's3cret',
        PUBLIC_URL: 'https://nudge.example/',
        SMTP_URL: 'smtp://mail.example:587',
      }),
    );
    expect(setup).toEqual({
      settings: {
        databaseUrl: 'postgres://u:p@db.example:5432/nudge',
        secret: 's3cret',
        publicUrl: 'https://nudge.example',
        smtpUrl: 'smtp://mail.example:587',
      },
      database: 'DATABASE_URL',
      notes: [],
    });
  });

  it('passes the DKIM key on, as the server does', async () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const config = readConfig({
      DATABASE_URL: 'postgres://db.example/nudge',
      NUDGE_SECRET: 's',
      PUBLIC_URL: 'https://nudge.example',
      DKIM_DOMAIN: 'nudge.example',
      DKIM_SELECTOR: 'sel1',
      DKIM_PRIVATE_KEY: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const { settings } = await workerSetup(config);
    expect(settings.dkim).toBe(config.dkim);
    expect(settings.dkim).toMatchObject({ domainName: 'nudge.example', keySelector: 'sel1' });
  });

  it('without DATABASE_URL, joins the embedded PostgreSQL running in the data dir, with its secret', async () => {
    const dir = dataDirOf(process.pid, 54321);
    try {
      const setup = await workerSetup(readConfig({ NUDGE_DATA_DIR: dir.dir, PORT: '4000' }));
      expect(setup.settings).toEqual({
        databaseUrl: 'postgres://postgres:p%40ss%20word@127.0.0.1:54321/nudge',
        secret: 'the-servers-secret',
        publicUrl: 'http://127.0.0.1:4000',
      });
      expect(setup.notes).toEqual([
        `using the embedded PostgreSQL of ${dir.dir} (port 54321): it stops when that pnpm start stops`,
        'PUBLIC_URL is not set: links in mail point to http://127.0.0.1:4000',
      ]);
    } finally {
      dir.remove();
    }
  });

  it('does not take a PostgreSQL that is no longer running there', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    const dir = dataDirOf(gone.pid as number, 54321);
    try {
      await expect(workerSetup(readConfig({ NUDGE_DATA_DIR: dir.dir }))).rejects.toThrow(
        /^no database: set DATABASE_URL/,
      );
    } finally {
      dir.remove();
    }
  });

  it('never makes up a secret, and needs PUBLIC_URL when PORT=0', async () => {
    const empty = tempDataDir();
    try {
      const database = { DATABASE_URL: 'postgres://db.example/nudge', NUDGE_DATA_DIR: empty.dir };
      await expect(workerSetup(readConfig(database))).rejects.toThrow(
        `no secret to sign mail links with: set NUDGE_SECRET to the Nudge server's. Without it, the worker reads the one the server generated in ${empty.dir}/secret`,
      );
      await expect(
        workerSetup(readConfig({ ...database, NUDGE_SECRET: 's', PORT: '0' })),
      ).rejects.toThrow(/^PUBLIC_URL is not set, and with PORT=0/);
      const host = await workerSetup(
        readConfig({ ...database, NUDGE_SECRET: 's', HOST: '0.0.0.0', PORT: '8080' }),
      );
      expect(host.settings.publicUrl).toBe('http://127.0.0.1:8080');
    } finally {
      empty.remove();
    }
  });

  it('finds a real embedded PostgreSQL by what it writes in the data dir', async () => {
    const data = tempDataDir();
    const postgres = await startEmbeddedPostgres({ dataDir: data.dir, durable: false });
    try {
      const setup = await workerSetup(readConfig({ NUDGE_DATA_DIR: data.dir, NUDGE_SECRET: 's' }));
      expect(setup.database).toBe(`the embedded PostgreSQL of ${data.dir} (port ${postgres.port})`);
      const sql = connect(setup.settings.databaseUrl, { max: 1 });
      try {
        const [row] = await sql`select current_database() as name`;
        expect(row?.name).toBe('nudge');
      } finally {
        await closeDb(sql);
      }
    } finally {
      await postgres.stop();
      data.remove();
    }
  }, 60_000);
});
