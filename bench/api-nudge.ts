/**
 * Nudge for pnpm bench:api, started as a person starts it: `tsx server/src/main.ts` (what
 * `pnpm start` runs once the editor is built) in a process of its own, on the bench's
 * PostgreSQL, with a stand-in editor (the bench reads /api/health only, and building the real
 * one would take a minute), NUDGE_WORKER as the side being measured.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface StartedNudge {
  url: string;
  /** Its output so far (stdout and stderr), to explain a failure. */
  output(): string;
  /** SIGTERM, and waits for it to exit. */
  stop(): Promise<void>;
}

export async function startNudgeProcess(
  databaseUrl: string,
  worker: 'process' | 'inline',
): Promise<StartedNudge> {
  const dir = mkdtempSync(join(tmpdir(), 'nudge-bench-api-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', tsx, join(root, 'server', 'src', 'main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        NUDGE_SECRET: 'bench-api-secret',
        NUDGE_DATA_DIR: dir,
        NUDGE_EDITOR_DIR: dir,
        NUDGE_WORKER: worker,
        SMTP_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Nudge did not start:\n${output}`)), 120_000);
    child.stdout?.on('data', () => {
      const found = /Nudge is running at (http:\/\/\S+?)\/ /.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    void exited.then(() => reject(new Error(`Nudge exited:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
