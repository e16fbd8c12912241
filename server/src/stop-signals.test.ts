import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, tempDir } from './test-support.ts';

/*
 * A process stopping in order gets its stop signal more than once (pnpm signals the whole
 * tree, tsx relays it too): the repeats must not kill it mid-stop. pnpm start's server died
 * so before its worker process had drained, now and then.
 */

const module = fileURLToPath(new URL('./stop-signals.ts', import.meta.url));
const files = tempDir({
  'stopper.ts': `import { onStopSignal } from ${JSON.stringify(module)};
onStopSignal((signal) => {
  console.log('stopping on ' + signal);
  setTimeout(() => { console.log('stopped'); process.exit(0); }, 3000);
});
console.log('ready');
setInterval(() => {}, 1000);
`,
});
afterAll(() => files.remove());

/** Runs the stopper; sends each signal after its delay (ms from ready); its exit and output. */
function run(signals: Array<[NodeJS.Signals, number]>) {
  const child = spawn(process.execPath, ['--import', 'tsx', files.path('stopper.ts')], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    if (!output.includes('ready') && `${output}${chunk}`.includes('ready'))
      for (const [signal, at] of signals) setTimeout(() => child.kill(signal), at);
    output += chunk;
  });
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

describe('onStopSignal', () => {
  it('finishes its stop through repeated SIGTERMs and quick repeats of SIGINT', async () => {
    for (const signals of [
      [
        ['SIGTERM', 0],
        ['SIGTERM', 50],
        ['SIGTERM', 600],
      ],
      [
        ['SIGINT', 0],
        ['SIGINT', 20],
        ['SIGTERM', 40],
      ],
    ] as Array<Array<[NodeJS.Signals, number]>>) {
      const { code, output } = await run(signals);
      expect(code).toBe(0);
      expect(output).toMatch(/ready\nstopping on SIG(TERM|INT)\nstopped\n/);
    }
  });

  it('ends at once on a second Ctrl-C, a second or more after the first', async () => {
    const { code, output } = await run([
      ['SIGINT', 0],
      ['SIGINT', 1500],
    ]);
    expect(code).toBe(130);
    expect(output).not.toContain('stopped');
  });
});
