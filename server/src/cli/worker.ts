import { parseArgs } from 'node:util';
import { WORKER_DEFAULTS } from '@nudge/runtime/worker';
import { onStopSignal } from '../stop-signals.ts';
import type { Command } from './command.ts';
import { UsageError } from './io.ts';

const DEFAULT_CONCURRENCY = WORKER_DEFAULTS.concurrency;
/** Set by `pnpm start` in the environment of the worker process it starts and supervises. */
export const SUPERVISED = 'NUDGE_WORKER_SUPERVISED';
const MAX_CONCURRENCY = 100;

export interface WorkerArgs {
  concurrency: number;
}

/** `nudge worker`: more workers on the database of a Nudge server (DESIGN.md, "Jobs"). */
export const workerCommand: Command = {
  name: 'worker',
  synopsis: '[--concurrency N]',
  summary: 'run an extra worker process against the database of a running Nudge server',
  help: `Usage: pnpm nudge worker [--concurrency N]

Runs the worker (enrollment steps and mail delivery) without the HTTP server, against the
database of a Nudge server: start as many as you like, on this machine or others, to share
the work. It runs until SIGTERM or SIGINT (Ctrl-C), then finishes the jobs it is running
and exits; a second signal ends it at once. It never migrates: the database must be at the
version of this release (start the server of this release on it first).

Settings (environment), as the server takes them:
  DATABASE_URL   the server's database. Without it: the embedded PostgreSQL of a running
                 \`pnpm start\` in NUDGE_DATA_DIR (default .data/), on this machine
  NUDGE_SECRET   the server's secret, which signs the links in mail. Without it: the one
                 the server generated in NUDGE_DATA_DIR (it must exist)
  PUBLIC_URL     the server's public address, for the links in mail. Without it:
                 http://HOST:PORT as \`pnpm start\` has it (not with PORT=0)
  SMTP_URL       where mail goes; without it, mail is captured in the outbox shown in the app
  DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY (PEM) or DKIM_PRIVATE_KEY_FILE (a path)
                 DKIM-sign every mail, sent or captured: all of them or none

Options:
  --concurrency N  jobs run at once in this process, 1 to ${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY})
  -h, --help       show this help

Prints "nudge worker: running, concurrency N" once started and "nudge worker: stopped"
when done; notes and errors go to stderr.

Exit status:
  0  stopped by a signal, after the running jobs finished
  1  could not start: no database or secret found, a DKIM setting missing or its key
     unusable, the database unreachable or at another version (the message says what
     to set or do)
  2  a wrong command line`,

  async run(args, io) {
    const options = parseOptions(args);
    if (options === 'help') {
      io.out(`${this.help}\n`);
      return 0;
    }
    // Loaded on use: Graphile Worker and the database driver are not for the other commands.
    const { runWorker } = await import('./worker-run.ts');
    return runWorker(options, io, stopSignal);
  },
};

export function parseOptions(args: string[]): WorkerArgs | 'help' {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length > 0)
    throw new UsageError(`worker takes no arguments (got ${positionals.join(' ')})`);
  const text = values.concurrency ?? String(DEFAULT_CONCURRENCY);
  const concurrency = Number(text);
  if (!/^\d+$/.test(text) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    throw new UsageError(
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY} (got ${JSON.stringify(text)})`,
    );
  return { concurrency };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/**
 * The first SIGTERM or SIGINT (stop-signals.ts: repeats of it are ignored while the jobs
 * finish, a person's second Ctrl-C ends the process at once). Started by `pnpm start` (an IPC
 * channel to it, worker-process.ts), the channel closing says that it is gone, even killed
 * outright: then the worker stops too, rather than work on alone.
 */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    let stopped = false;
    const stop = (reason: string) => {
      if (stopped) return;
      stopped = true;
      process.off('disconnect', gone);
      resolve(reason);
    };
    const gone = () => stop('the server that started it is gone');
    onStopSignal(stop);
    if (process.channel && process.env[SUPERVISED] === '1') {
      // Only listened to: the channel must not keep the process alive once the worker stops.
      process.channel.unref();
      process.on('disconnect', gone);
    }
  });
}
