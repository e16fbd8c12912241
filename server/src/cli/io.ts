import { resolve } from 'node:path';
import { repoRoot } from '../paths.ts';

/** What a command may touch: its output streams, the environment and where paths start. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, for a FILE of `-`; only touched when asked for. */
  stdin(): AsyncIterable<Uint8Array>;
  env: Record<string, string | undefined>;
  /** The directory that relative paths on the command line are relative to. */
  cwd: string;
  /** Whether stdout takes ANSI colours. */
  color: boolean;
}

/** The real process's streams, and whether writing to them failed. */
export interface ProcessIo extends CliIo {
  /** True when output was lost to something other than a reader that stopped reading. */
  outputFailed(): boolean;
}

/** The real process: colour only on a terminal and when NO_COLOR is unset (no-color.org). */
export function processIo(): ProcessIo {
  const env = process.env;
  let failed = false;
  const onFailure = (stream: 'stdout' | 'stderr', error: Error) => {
    failed = true;
    process.exitCode = 2; // in case it comes after the command's own status was set
    if (stream === 'stdout') err(`nudge: can't write the output: ${error.message}\n`);
  };
  const out = sink(process.stdout, (error) => onFailure('stdout', error));
  const err = sink(process.stderr, (error) => onFailure('stderr', error));
  return {
    out,
    err,
    stdin: () => process.stdin,
    env,
    cwd: userCwd(env, process.cwd()),
    color: process.stdout.isTTY === true && !env.NO_COLOR,
    outputFailed: () => failed,
  };
}

/**
 * Writes text to a stream for as long as the stream takes it. When the reader goes away
 * (`nudge validate … | head -1`: EPIPE), the rest is dropped quietly, as cat and grep do, and
 * the command runs on to its own exit status. Any other failure (a full disk) is `onFailure`'s.
 */
function sink(stream: NodeJS.WriteStream, onFailure: (error: Error) => void) {
  let open = true;
  const failed = (error: NodeJS.ErrnoException) => {
    if (!open) return;
    open = false;
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') onFailure(error);
  };
  stream.on('error', failed);
  return (text: string) => {
    // destroyed: a write failed and its 'error' event is still to come.
    if (!open || stream.destroyed) return;
    try {
      stream.write(text);
    } catch (error) {
      failed(error as NodeJS.ErrnoException); // a file written synchronously
    }
  };
}

/**
 * `pnpm nudge` runs the script in the repository root whatever directory the user is in, and
 * says where that was in INIT_CWD. So: INIT_CWD when pnpm moved us to the root, else the
 * working directory (a direct `tsx server/src/cli/main.ts`, or a script that cd'd elsewhere).
 */
export function userCwd(env: Record<string, string | undefined>, cwd: string): string {
  const init = env.INIT_CWD;
  return init && resolve(cwd) === resolve(repoRoot) ? resolve(init) : cwd;
}

/** Wraps text in an ANSI style when colour is on. */
export function paint(io: Pick<CliIo, 'color'>, style: 'red' | 'yellow' | 'green' | 'dim') {
  const codes = { red: [31, 39], yellow: [33, 39], green: [32, 39], dim: [2, 22] }[style];
  return (text: string) => (io.color ? `\x1b[${codes[0]}m${text}\x1b[${codes[1]}m` : text);
}

/** A wrong command line: the runner prints the message and the usage on stderr, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
