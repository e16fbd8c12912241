import { resolve } from 'node:path';
import { repoRoot } from '../paths.ts';

/** What a command may touch: its output streams, the environment and where paths start. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** The directory that relative paths on the command line are relative to. */
  cwd: string;
  /** Whether stdout takes ANSI colours. */
  color: boolean;
}

/** The real process: colour only on a terminal and when NO_COLOR is unset (no-color.org). */
export function processIo(): CliIo {
  const env = process.env;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env,
    cwd: userCwd(env, process.cwd()),
    color: process.stdout.isTTY === true && !env.NO_COLOR,
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
