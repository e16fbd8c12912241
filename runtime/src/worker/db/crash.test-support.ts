import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Starts embedded PostgreSQL in `dataDir` from a child process (embedded-child.test-support.ts)
 * and resolves once it has written a row to `notes`. Killing that child with SIGKILL is the
 * crash of `pnpm start` that leaves PostgreSQL running, orphaned.
 */
export async function startInChild(
  dataDir: string,
  then: 'wait' | 'exit' = 'wait',
): Promise<{ child: ChildProcess; url: string }> {
  const script = fileURLToPath(new URL('./embedded-child.test-support.ts', import.meta.url));
  const repo = fileURLToPath(new URL('../../../../', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, then], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /^ready (\S+)$/m.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}):\n${output}`)));
  });
  return { child, url };
}

export async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
