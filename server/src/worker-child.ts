import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './log.ts';

/** How long, after it exited, its last output may take to arrive. */
const DRAIN_MS = 1000;

/** How a worker process ended: its exit code, or the signal that ended it. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One `nudge worker` process, started by the supervisor (worker-process.ts): its output goes
 * to the server's log line by line, `ready` resolves when it says it runs ("nudge worker:
 * running, ..." on stdout, once it joined the database and took the jobs' locks), `exited`
 * when it is gone, whatever the cause.
 */
export class WorkerChild {
  readonly pid: number;
  readonly ready: Promise<void>;
  readonly exited: Promise<Exit>;
  #readyAt: number | null = null;
  #exit: Exit | null = null;
  readonly #process: ChildProcess;

  constructor(
    command: [string, string[]],
    env: NodeJS.ProcessEnv,
    logger: Logger,
    startMs: number,
  ) {
    const [file, args] = command;
    this.#process = spawn(file, args, {
      env,
      // A process group of its own: a Ctrl-C in the terminal reaches the server alone, which
      // stops the worker in its turn (SIGTERM, then waits for it to drain). With the group's
      // signal, the worker would start draining early and take our SIGTERM as a second
      // signal, which ends it at once. The IPC channel tells it when we are gone, even
      // killed outright (cli/worker.ts), so it never works on alone.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    if (this.#process.pid === undefined) throw new Error('the worker process could not be started');
    this.pid = this.#process.pid;
    const prefix = `worker ${this.pid}`;
    const lines: string[] = [];
    const log = (line: string) => {
      const text = `${prefix}: ${line.replace(/^nudge worker: /, '')}`;
      lines.push(text);
      if (lines.length > 20) lines.shift();
      logger.info(text);
    };
    const stderr = createInterface({ input: this.#process.stderr as NodeJS.ReadableStream });
    stderr.on('line', log);
    const stdout = createInterface({ input: this.#process.stdout as NodeJS.ReadableStream });
    // Its last lines (why it stopped) may still be in the pipes when it exits: read them
    // first. Not 'close', which a child with an IPC channel may never emit, and not for
    // ever: a process it started may hold the pipes open.
    const drained = Promise.all([once(stdout, 'close'), once(stderr, 'close')]);
    this.exited = new Promise<Exit>((resolve) => {
      this.#process.once('exit', (code, signal) => {
        void Promise.race([drained, sleep(DRAIN_MS)]).then(() => {
          this.#exit = { code, signal };
          resolve(this.#exit);
        });
      });
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${prefix} did not start within ${startMs / 1000} s`));
        this.#process.kill('SIGKILL');
      }, startMs);
      stdout.on('line', (line) => {
        log(line);
        if (this.#readyAt === null && line.startsWith('nudge worker: running')) {
          this.#readyAt = performance.now();
          clearTimeout(timer);
          resolve();
        }
      });
      void this.exited.then((exit) => {
        clearTimeout(timer);
        // Its last lines say why (a setting, the database): they are in the message.
        reject(new Error(`${prefix} exited (${describeExit(exit)}):\n${lines.join('\n')}`));
      });
    });
    this.ready.catch(() => {});
  }

  /** How long it has run since it was ready (0 if it never was). */
  get ranMs(): number {
    return this.#readyAt === null ? 0 : performance.now() - this.#readyAt;
  }

  get hasExited(): boolean {
    return this.#exit !== null;
  }

  /**
   * SIGTERM: the worker finishes its running jobs and exits. Past `graceMs`, SIGKILL: its
   * jobs are then unlocked by the supervisor and run again (steps and deliveries are safe to
   * run twice). Resolves once it has exited; `killed` when it took the SIGKILL.
   */
  async stop(graceMs: number): Promise<{ exit: Exit; killed: boolean }> {
    if (this.#exit) return { exit: this.#exit, killed: false };
    this.#process.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
    });
    const first = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (first !== 'late') return { exit: first, killed: false };
    this.#process.kill('SIGKILL');
    return { exit: await this.exited, killed: true };
  }

  /** SIGKILL, as a crash would. */
  kill(): void {
    if (!this.#exit) this.#process.kill('SIGKILL');
  }
}

export function describeExit(exit: Exit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
