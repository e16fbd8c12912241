import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerConfig } from '../config.ts';
import type { WorkerSettings } from '../nudge.ts';

/**
 * What `nudge worker` needs to work beside a Nudge server, found the way the server finds it,
 * but never made up: a worker that generated its own secret would sign links the server
 * rejects, and one that started its own PostgreSQL would work on a database nobody reads.
 */

/** A setting the worker can't do without; the message says what to set. */
export class WorkerSetupError extends Error {
  override name = 'WorkerSetupError';
}

export interface WorkerSetup {
  settings: WorkerSettings;
  /** Where the database is, for messages (never the URL: it holds a password). */
  database: string;
  /** Worth telling the person who started it (a default taken), one line each. */
  notes: string[];
}

export async function workerSetup(config: ServerConfig): Promise<WorkerSetup> {
  const notes: string[] = [];
  const { url, database } = await databaseUrl(config, notes);
  return {
    settings: {
      databaseUrl: url,
      secret: await secret(config),
      publicUrl: publicUrl(config, notes),
      ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
      ...(config.dkim ? { dkim: config.dkim } : {}),
    },
    database,
    notes,
  };
}

/**
 * DATABASE_URL, else the embedded PostgreSQL that a running `pnpm start` keeps in the data
 * dir: PostgreSQL writes its pid and port in `pgdata/postmaster.pid`, Nudge its password in
 * `password` (runtime/src/worker/db/embedded.ts).
 */
async function databaseUrl(
  config: ServerConfig,
  notes: string[],
): Promise<{ url: string; database: string }> {
  if (config.databaseUrl) return { url: config.databaseUrl, database: 'DATABASE_URL' };
  const dir = config.dataDir;
  const running = await runningPostmaster(join(dir, 'pgdata'));
  if (!running)
    throw new WorkerSetupError(
      'no database: set DATABASE_URL to the database of the Nudge server ' +
        '(postgres://USER:PASSWORD@HOST:5432/DATABASE). Without it, the worker joins the ' +
        `embedded PostgreSQL of a running \`pnpm start\` in NUDGE_DATA_DIR (${dir}), ` +
        'and none is running there',
    );
  const password = (await readFile(join(dir, 'password'), 'utf8').catch(() => '')).trim();
  if (!password)
    throw new WorkerSetupError(
      `the embedded PostgreSQL in ${dir} runs, but its password file ${join(dir, 'password')} ` +
        "can't be read: run the worker as the user that runs pnpm start, or set DATABASE_URL",
    );
  const database = `the embedded PostgreSQL of ${dir} (port ${running.port})`;
  notes.push(`using ${database}: it stops when that pnpm start stops`);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/nudge`,
    database,
  };
}

/** The pid and port of the PostgreSQL running in `pgdata`, if one is. */
async function runningPostmaster(pgdata: string): Promise<{ pid: number; port: number } | null> {
  const text = await readFile(join(pgdata, 'postmaster.pid'), 'utf8').catch(() => null);
  // Line 1 is the pid, line 4 the port (PostgreSQL's pidfile.h).
  const lines = text?.split('\n') ?? [];
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return isAlive(pid) ? { pid, port } : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user (the `postgres` OS user when we are root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** NUDGE_SECRET, else the one the server generated in its data dir: links must verify there. */
async function secret(config: ServerConfig): Promise<string> {
  if (config.secret) return config.secret;
  const file = join(config.dataDir, 'secret');
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new WorkerSetupError(`can't read the secret in ${file}: ${error.message}`);
  });
  if (!text?.trim())
    throw new WorkerSetupError(
      `no secret to sign mail links with: set NUDGE_SECRET to the Nudge server's. Without it, ` +
        `the worker reads the one the server generated in ${file}, and there is none there ` +
        '(start the server first, or run the worker with its NUDGE_DATA_DIR)',
    );
  return text.trim();
}

/**
 * PUBLIC_URL, else the address `pnpm start` has with the same PORT and HOST (what the server
 * gives its own worker). With PORT=0 that address is not known in advance.
 */
function publicUrl(config: ServerConfig, notes: string[]): string {
  if (config.publicUrl) return config.publicUrl;
  if (config.port === 0)
    throw new WorkerSetupError(
      "PUBLIC_URL is not set, and with PORT=0 the server's address is not known: set " +
        'PUBLIC_URL to the address of the Nudge server, for the links in mail',
    );
  const host =
    config.host === '0.0.0.0' || config.host === ''
      ? '127.0.0.1'
      : config.host === '::'
        ? '[::1]'
        : config.host.includes(':')
          ? `[${config.host}]`
          : config.host;
  const url = `http://${host}:${config.port}`;
  notes.push(`PUBLIC_URL is not set: links in mail point to ${url}`);
  return url;
}
