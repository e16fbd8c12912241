/** `tsx server/src/main.ts`, the second half of `pnpm start`, as a real process. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './paths.ts';
import {
  cleanEnv,
  fakeEditor,
  nodeTs,
  readExample,
  runProcess,
  tempDataDir,
  tempDir,
} from './test-support.ts';

const editor = tempDir(fakeEditor);
const data = tempDataDir();
afterAll(() => {
  editor.remove();
  data.remove();
});

describe('main.ts', () => {
  it('starts PostgreSQL, prints one line with the URL, serves, and stops cleanly on SIGTERM', async () => {
    const [node, args] = nodeTs('main.ts');
    const child = spawn(node, args, {
      cwd: repoRoot,
      // Embedded PostgreSQL in a data dir of its own, whatever DATABASE_URL the tests have.
      env: cleanEnv({
        PORT: '0',
        NUDGE_EDITOR_DIR: editor.dir,
        NUDGE_DATA_DIR: data.dir,
        NUDGE_BOOTSTRAP_TOKEN: 'main-test-token',
        DATABASE_URL: undefined,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk) => {
        stdout += chunk;
        const found =
          /^Nudge is running at (http:\/\/127\.0\.0\.1:\d+)\/ \(Ctrl-C stops it\)\n/.exec(stdout);
        if (found?.[1]) resolve(found[1]);
      });
      child.on('close', () => reject(new Error(`exited early: ${stdout}${stderr}`)));
    });
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${url}/`)).text()).toContain('<div id="root">');
    const imported = await fetch(`${url}/api/sequences`, {
      method: 'POST',
      headers: { authorization: 'Bearer main-test-token', 'content-type': 'application/json' },
      body: readExample('cold-mail'),
    });
    expect(imported.status).toBe(201);
    // The worker runs in a process of its own (NUDGE_WORKER=process, the default).
    const worker = Number(/nudge: worker (\d+): running, concurrency \d+\n/.exec(stderr)?.[1]);
    expect(worker).toBeGreaterThan(0);
    expect(worker).not.toBe(child.pid);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // PostgreSQL stopped with it: nothing holds the data dir. The worker went before it.
    expect(existsSync(join(data.dir, 'owner.pid'))).toBe(false);
    expect(stderr).toContain(`nudge: worker ${worker}: stopped\n`);
    expect(() => process.kill(worker, 0)).toThrow();
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toContain('SIGTERM: stopping');
  });

  it('fails with a clear message when the editor is not built', async () => {
    const empty = tempDir();
    try {
      const [node, args] = nodeTs('main.ts');
      const run = await runProcess(node, args, {
        env: { PORT: '0', NUDGE_EDITOR_DIR: empty.dir },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^nudge: the editor is not built: .*index\.html is missing\. Run `pnpm start`/,
      );
    } finally {
      empty.remove();
    }
  });

  it('fails with a clear message for a bad PORT', async () => {
    const [node, args] = nodeTs('main.ts');
    const run = await runProcess(node, args, { env: { PORT: 'http' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'nudge: PORT must be a number from 0 to 65535 (0 picks a free port), not "http"\n',
    );
  });
});
