import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { releaseProcess, WORKER_DEFAULTS, workerProcessName } from '@nudge/runtime/worker';
import {
  closeDb,
  connect,
  migrate,
  type RunningPostgres,
  readOrCreateSecret,
  startEmbeddedPostgres,
} from '@nudge/runtime/worker/db';
import {
  captureMessaging,
  captureTransport,
  type DkimOptions,
  smtpTransport,
} from '@nudge/runtime/worker/delivery';
import { bootstrapAdmin } from './bootstrap.ts';
import type { ServerConfig } from './config.ts';
import type { Sql } from './db/types.ts';
import type { Logger } from './log.ts';
import { consoleLogger } from './log.ts';
import { checkEditor, type RunningServer, startServer } from './start.ts';
import { startNudgeWorker } from './worker.ts';
import { startWorkerProcess } from './worker-process.ts';

/** What the worker gets: the settings it needs beyond the database. */
export interface WorkerSettings {
  databaseUrl: string;
  secret: string;
  publicUrl: string;
  smtpUrl?: string;
  /** Signs mail, sent or captured. */
  dkim?: DkimOptions;
}

/** Starts the background worker (Graphile Worker) in this process; stop() drains it. */
export type StartWorker = (
  sql: Sql,
  settings: WorkerSettings,
) => Promise<{ stop(): Promise<void> }>;

export interface NudgeOptions {
  logger?: Logger;
  /**
   * How the worker starts in this process, when config.worker is `inline` (default
   * startNudgeWorker). With `process` (the default), the worker is `nudge worker` in a
   * supervised child process (worker-process.ts); with `off`, there is none (the API still
   * enrolls: jobs wait).
   */
  worker?: StartWorker;
}

export interface RunningNudge {
  url: string;
  server: RunningServer;
  sql: Sql;
  /**
   * Stops in order: HTTP server, worker (a worker process gets SIGTERM, finishes its running
   * jobs, and is SIGKILLed if it takes too long), database pool, embedded PostgreSQL.
   */
  stop(): Promise<void>;
}

/**
 * `pnpm start` for real: PostgreSQL (DATABASE_URL, else embedded in the data dir), the
 * migrations, the bootstrap admin token, the HTTP server, then the worker (config.worker). A
 * failure part way undoes what was started.
 */
export async function startNudge(
  config: ServerConfig,
  options: NudgeOptions = {},
): Promise<RunningNudge> {
  const logger = options.logger ?? consoleLogger;
  const undo: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of undo.splice(0).reverse()) await step();
  };
  // Before PostgreSQL: a missing editor should fail at once, not after a database start.
  checkEditor(config.editorDir);
  try {
    await mkdir(config.dataDir, { recursive: true, mode: 0o755 });
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const postgres: RunningPostgres = await startEmbeddedPostgres({ dataDir: config.dataDir });
      undo.push(() => postgres.stop());
      databaseUrl = postgres.url;
    }
    const sql = connect(databaseUrl);
    undo.push(() => closeDb(sql));
    await migrate(sql);
    if (config.bootstrapToken && (await bootstrapAdmin(sql, config.bootstrapToken)) === 'created')
      logger.info('created an admin API token from NUDGE_BOOTSTRAP_TOKEN');
    const secret = config.secret ?? (await readOrCreateSecret(join(config.dataDir, 'secret')));
    // Test sends (routes/test-send.ts) go the worker's way: SMTP_URL, else captured into the
    // outbox, DKIM-signed alike; SMS and AlimTalk captured as the worker does (worker.ts).
    const signing = config.dkim ? { dkim: config.dkim } : {};
    const email = config.smtpUrl
      ? smtpTransport(config.smtpUrl, signing)
      : captureTransport(signing);
    undo.push(() => email.close());
    let publicUrl = config.publicUrl;
    const server = await startServer({
      port: config.port,
      host: config.host,
      ...(config.editorDir ? { editorDir: config.editorDir } : {}),
      logger,
      sql,
      secrets: secret,
      ...(config.limits ? { limits: config.limits } : {}),
      delivery: { email, messaging: captureMessaging(), publicUrl: () => publicUrl },
    });
    undo.push(() => server.close());
    publicUrl ??= server.url;
    const settings: WorkerSettings = {
      databaseUrl,
      secret,
      publicUrl,
      ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
      ...(config.dkim ? { dkim: config.dkim } : {}),
    };
    // Stopped right after the HTTP server (whose requests may still add jobs), before the pool.
    const beforeServer = () => undo.length - 1;
    if (config.worker === 'process') {
      const worker = await startWorkerProcess(settings, {
        logger,
        // A worker process that died held jobs: unlocked at once, not after 30 s of silence.
        onExit: async (pid) => {
          await releaseProcess(sql, workerProcessName(pid));
        },
      });
      undo.splice(beforeServer(), 0, () => worker.stop());
    } else if (config.worker === 'inline') {
      // The worker's own pool: a delivery holds a connection during its hand-off, and the API
      // must not wait behind them. Closed after the worker stops.
      const workerSql = connect(databaseUrl, {
        max: WORKER_DEFAULTS.taskPool,
        applicationName: 'nudge worker',
      });
      undo.splice(beforeServer(), 0, () => closeDb(workerSql));
      const worker = await (options.worker ?? startNudgeWorker)(workerSql, settings);
      undo.splice(beforeServer(), 0, () => worker.stop());
    }
    return { url: server.url, server, sql, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}
