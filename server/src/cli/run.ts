import type { Command } from './command.ts';
import { diffCommand } from './diff.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { type CliIo, UsageError } from './io.ts';
import { simulateCommand } from './simulate.ts';
import { validateCommand } from './validate.ts';
import { workerCommand } from './worker.ts';

/** The commands, in the order `nudge help` lists them. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  simulateCommand,
  diffCommand,
  exportCommand,
  importCommand,
  workerCommand,
];

export function usage(): string {
  // Each command on its line, its summary under it: synopses are too long for two columns.
  const entry = (left: string, right: string) => `  ${left}\n      ${right}`;
  return [
    'Usage: pnpm nudge <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => entry(`${c.name} ${c.synopsis}`, c.summary)),
    entry('help [COMMAND]', 'show this help, or the help of a command'),
    '',
    'Run `pnpm nudge help <command>` for its options and exit status.',
  ].join('\n');
}

/** Runs `nudge ARGS...` and returns the exit status. Never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(`${usage()}\n`);
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0];
    if (topic === undefined) {
      io.out(`${usage()}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === topic);
    if (!command) return wrong(io, `no command ${JSON.stringify(topic)}`);
    io.out(`${command.help}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return wrong(io, `no command ${JSON.stringify(name)}`);
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) return wrong(io, error.message, command);
    io.err(`nudge ${command.name}: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}

function wrong(io: CliIo, message: string, command?: Command): number {
  io.err(`nudge: ${message}\n\n${command ? command.help : usage()}\n`);
  return 2;
}
