import type { CliIo } from './io.ts';

/** One `nudge` command (validate, simulate, diff, export, worker). */
export interface Command {
  name: string;
  /** The arguments, for the command list: `FILE...`. */
  synopsis: string;
  /** One line for the command list. */
  summary: string;
  /** The full help of `nudge help <name>`. */
  help: string;
  /** Returns the exit status; throws UsageError for a wrong command line. */
  run(args: string[], io: CliIo): Promise<number>;
}
