/** Helpers shared by the server's tests (not imported by the app). */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Sequence } from '@nudge/schema';
import type { CliIo } from './cli/io.ts';
import { run } from './cli/run.ts';
import { repoRoot } from './paths.ts';

export const examplesDir = join(repoRoot, 'schema', 'examples');

export function readExample(name: string): string {
  return readFileSync(join(examplesDir, `${name}.json`), 'utf8');
}

export function example(name: string): Sequence {
  return JSON.parse(readExample(name));
}

/** The onboarding example, broken three ways: an unknown data property, an edge from a handle
 *  its node lacks, an exit nothing reaches (and the wait_for's `met` handle left unconnected). */
export function brokenSequence(): Sequence {
  const sequence = example('onboarding') as unknown as {
    nodes: Array<Record<string, unknown> & { data: Record<string, unknown> }>;
    edges: Array<Record<string, unknown>>;
  };
  const welcome = sequence.nodes[1];
  const e3 = sequence.edges[2];
  if (!welcome || !e3) throw new Error('the onboarding example changed');
  welcome.data.bogus = 1;
  e3.sourceHandle = 'maybe';
  sequence.nodes.push({ id: 'lonely', type: 'exit', data: {} });
  return sequence as unknown as Sequence;
}

/** A temporary directory with the given files (paths relative to it), removed by `remove()`. */
export function tempDir(files: Record<string, string | Uint8Array> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nudge-server-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return {
    dir,
    path: (name: string) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A temporary NUDGE_DATA_DIR: 0755, as the `postgres` OS user must enter it when we are root. */
export function tempDataDir() {
  const dir = tempDir();
  chmodSync(dir.dir, 0o755);
  return dir;
}

/** A stand-in for editor/dist: what Vite writes, in miniature. */
export const fakeEditor = {
  'index.html':
    '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd.js"></script></head><body><div id="root"></div></body></html>',
  'assets/index-Ab12Cd.js': 'console.log("nudge editor");',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

/** The tsx loader, so that tests run our .ts entry points in one `node` process each. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, capturing its output. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    /** What to pipe into its stdin (by default, nothing: stdin ends at once). */
    input?: string | Uint8Array;
  } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: cleanEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // It may stop reading before the end (a limit): that is its business, not an error here.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Starts a .ts entry point of this package in Node, through tsx. */
export function nodeTs(entry: string, args: readonly string[] = []): [string, string[]] {
  return [
    process.execPath,
    ['--import', tsxLoader, join(repoRoot, 'server', 'src', entry), ...args],
  ];
}

/** The environment of a child: ours without what pnpm or a terminal put there, plus `env`. */
export function cleanEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'INIT_CWD',
    'NO_COLOR',
    'FORCE_COLOR',
    'PORT',
    'HOST',
    'NUDGE_EDITOR_DIR',
    'NUDGE_DATA_DIR',
    'NUDGE_BOOTSTRAP_TOKEN',
    'NUDGE_SECRET',
    'NUDGE_WORKER',
    'NUDGE_HEADERS_TIMEOUT',
    'NUDGE_REQUEST_TIMEOUT',
    'NUDGE_KEEP_ALIVE_TIMEOUT',
    'NUDGE_MAX_CONNECTIONS',
    'DKIM_DOMAIN',
    'DKIM_SELECTOR',
    'DKIM_PRIVATE_KEY',
    'DKIM_PRIVATE_KEY_FILE',
  ])
    delete base[key];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

/** The CLI in this process, for what needs no child process: `cwd` defaults to the process's. */
export async function runCli(args: string[], options: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    stdin: () => Readable.from([]),
    env: {},
    cwd: process.cwd(),
    color: false,
    ...options,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
