/**
 * Starts Nudge exactly as a person does, `pnpm start` (it builds the editor, then serves it
 * and the API), on a free port, and stops it with SIGTERM when the run ends. Tests read its
 * address with `inject('baseUrl')`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_MS = 180_000;

export default async function setup(project: TestProject) {
  // As a person's shell would: Vitest sets NODE_ENV=test, which would build a development
  // bundle of the editor.
  const { NODE_ENV: _, ...env } = process.env;
  const child = spawn('pnpm', ['start'], {
    cwd: root,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', NO_COLOR: '1' },
    // Its own process group, so that teardown reaches pnpm's children too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await serverUrl(child);
  project.provide('baseUrl', url);
  return async () => {
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    process.kill(-(child.pid as number), 'SIGTERM');
    const code = await Promise.race([exited, sleep(10_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      process.kill(-(child.pid as number), 'SIGKILL');
      throw new Error('pnpm start did not stop within 10 s of SIGTERM');
    }
  };
}

function serverUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(`no "Nudge is running at" line within ${STARTUP_MS / 1000} s`),
      STARTUP_MS,
    );
    const exited = (code: number | null) => fail(`it exited with code ${code}`);
    const fail = (why: string) => {
      clearTimeout(timer);
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new Error(`pnpm start failed: ${why}\n--- its output ---\n${output}`));
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Nudge is running at (http:\/\/\S+?)\/? /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.off('exit', exited);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', exited);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
