/**
 * Starts Nudge exactly as a person does, `pnpm start` (it builds the editor, then serves it
 * and the API), on a free port, and stops it with SIGTERM when the run ends. Tests read its
 * address with `inject('baseUrl')`, and an admin API token with `inject('apiToken')`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** An admin API token of the started server (NUDGE_BOOTSTRAP_TOKEN). */
    apiToken: string;
  }
}

/** The fixed NUDGE_BOOTSTRAP_TOKEN of the run: its data dir is new, so the token is created. */
const API_TOKEN = 'e2e-admin-token';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_MS = 180_000;
const STOP_MS = 10_000;
/** What is kept of pnpm start's output, to explain a failure. */
const TAIL_CHARS = 8_000;

export default async function setup(project: TestProject) {
  // As a person's shell would: Vitest sets NODE_ENV=test.
  const { NODE_ENV: _, ...env } = process.env;
  // A data dir of the run's own (embedded PostgreSQL), not the repository's .data/; 0755, as
  // PostgreSQL runs as the `postgres` OS user when we are root.
  const dataDir = mkdtempSync(join(tmpdir(), 'nudge-e2e-data-'));
  chmodSync(dataDir, 0o755);
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  const child = spawn('pnpm', ['start'], {
    cwd: root,
    // No SMTP_URL: mail is captured in the outbox, where the tests read it.
    env: {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      NO_COLOR: '1',
      NUDGE_DATA_DIR: dataDir,
      NUDGE_BOOTSTRAP_TOKEN: API_TOKEN,
      SMTP_URL: '',
      // The default, said here so that a developer's own setting can't change what this
      // checks: the worker in a process of its own, supervised by the server.
      NUDGE_WORKER: 'process',
    },
    // A group of its own, so that a SIGKILL (when SIGTERM is not enough) reaches pnpm and
    // whatever it started (the worker process has a group of its own, and stops when the
    // server is gone). SIGTERM goes to pnpm alone: pnpm stops the script it runs, and the
    // server's clean exit on SIGTERM, its worker process's first, is part of what this checks.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // Every process that holds the pipes (pnpm, the server it runs, and the worker process the
  // server started) is done with them: pnpm may exit on SIGTERM before the server has finished.
  const outputEnded = Promise.all(
    [child.stdout, child.stderr].map(
      (stream) => new Promise<void>((resolve) => stream?.once('close', () => resolve())),
    ),
  );
  let exitedEarly: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitedEarly ??= code;
      resolve(code);
    }),
  );

  const url = await serverUrl(child, () => output, exited).catch((error: unknown) => {
    removeDataDir();
    throw error;
  });
  project.provide('baseUrl', url);
  project.provide('apiToken', API_TOKEN);

  return async () => {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `pnpm start stopped during the run (exit ${exitedEarly}); its output ended:\n${output}`,
      );
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(STOP_MS).then(() => false)]);
    if (!stopped) {
      signalGroup(child, 'SIGKILL');
      throw new Error(`pnpm start did not stop within ${STOP_MS / 1000} s of SIGTERM:\n${output}`);
    }
    if (await answers(url)) {
      signalGroup(child, 'SIGKILL');
      throw new Error(`the server at ${url} still answers after pnpm start stopped`);
    }
    // Its worker process was told to stop, finished its jobs, and said so before the server
    // stopped its database.
    await Promise.race([outputEnded, sleep(STOP_MS)]);
    if (!/nudge: worker \d+: stopped\n/.test(output))
      throw new Error(`the worker process did not stop cleanly with pnpm start:\n${output}`);
    removeDataDir();
  };
}

function serverUrl(
  child: ChildProcess,
  output: () => string,
  exited: Promise<number | null>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL');
      reject(new Error(`pnpm start failed: ${why}\n--- its output ---\n${output()}`));
    };
    const timer = setTimeout(
      () => fail(`no "Nudge is running at" line within ${STARTUP_MS / 1000} s`),
      STARTUP_MS,
    );
    const look = () => {
      const match = /Nudge is running at (http:\/\/\S+?)\/? /.exec(output());
      if (!match?.[1] || settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout?.off('data', look);
      resolve(match[1]);
    };
    child.stdout?.on('data', look);
    exited.then((code) => fail(`it exited with code ${code}`));
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-(child.pid as number), signal);
  } catch {
    // The group is already gone.
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
