import { WORKER_DEFAULTS } from '@nudge/runtime/worker';
import { closeDb, connect } from '@nudge/runtime/worker/db';
import { ConfigError, readConfig } from '../config.ts';
import { checkSchemaVersion, SchemaVersionError } from '../db/schema-version.ts';
import { startNudgeWorker } from '../worker.ts';
import type { CliIo } from './io.ts';
import type { WorkerArgs } from './worker.ts';
import { type WorkerSetup, WorkerSetupError, workerSetup } from './worker-settings.ts';

/**
 * `nudge worker` once its command line is checked: finds the settings, checks the schema,
 * runs the worker until `stopRequested` resolves (SIGTERM, SIGINT), then drains it. Returns 0
 * after a clean stop, 1 when it could not start.
 */
export async function runWorker(
  args: WorkerArgs,
  io: CliIo,
  stopRequested: () => Promise<string>,
): Promise<number> {
  const fail = (message: string) => {
    io.err(`nudge worker: ${message}\n`);
    return 1;
  };
  let setup: WorkerSetup;
  try {
    setup = await workerSetup(readConfig(io.env));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof WorkerSetupError)
      return fail(error.message);
    throw error;
  }
  for (const note of setup.notes) io.err(`nudge worker: ${note}\n`);
  // A delivery holds a connection during its hand-off, a batch of steps one (WORKER_DEFAULTS).
  const sql = connect(setup.settings.databaseUrl, {
    max: Math.min(args.concurrency + 2, WORKER_DEFAULTS.taskPool),
    applicationName: 'nudge worker',
  });
  try {
    try {
      await checkSchemaVersion(sql);
    } catch (error) {
      if (error instanceof SchemaVersionError) return fail(error.message);
      return fail(`can't use ${setup.database}: ${(error as Error).message}`);
    }
    let worker: Awaited<ReturnType<typeof startNudgeWorker>>;
    try {
      worker = await startNudgeWorker(sql, setup.settings, { concurrency: args.concurrency });
    } catch (error) {
      return fail(`can't start the worker on ${setup.database}: ${(error as Error).message}`);
    }
    // Listening before saying it runs: a supervisor may send SIGTERM as soon as it reads that
    // line, and without a listener Node would end the process on it without draining.
    const stopped = stopRequested();
    io.out(`nudge worker: running, concurrency ${args.concurrency}\n`);
    const signal = await stopped;
    io.err(`nudge worker: ${signal}: finishing the running jobs\n`);
    await worker.stop();
    io.out('nudge worker: stopped\n');
    return 0;
  } finally {
    await closeDb(sql);
  }
}
