import { parseArgs } from 'node:util';
import type { Command } from './command.ts';
import { INSTANT_EXAMPLE, parseInstant } from './instant.ts';
import { UsageError } from './io.ts';
import { STDIN } from './validate.ts';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 365;
const MAX_DAYS = 3650;

/** `nudge simulate FILE --contact … --start …` (FORMAT.md section 7). */
export const simulateCommand: Command = {
  name: 'simulate',
  synopsis: 'FILE --contact CONTACT.json --start ISO [options]',
  summary: 'run one contact through a sequence on a virtual clock and print the timeline',
  help: `Usage: pnpm nudge simulate FILE --contact CONTACT.json [--events EVENTS.json]
                            --start ISO [--until ISO | --days N] [--json]

Runs one contact through the sequence FILE on a virtual clock, with the interpreter the
worker runs: send windows, holidays, delays, branches and exits as production has them.
Prints the timeline in the enrollment's local time (the contact's zone, else the sequence's):

  2026-01-05 Mon 09:00  send    welcome  email "김민준님, …" (deferred from Sat 14:00: weekend)
  …
  status: completed

Options:
  --contact FILE  the contact, a JSON object (FORMAT.md section 6):
                  {"name": "김민준", "email": "minjun@example.com", "timezone": "Asia/Seoul",
                   "company": "…", "owner": {"name": "…", "email": "…"}, "tags": [],
                   "attributes": {}}
  --events FILE   what the contact does, a JSON array of {"at", "type", "node"?, "name"?}:
                  type is delivered, opened, clicked, replied, bounced, unsubscribed or
                  custom (custom needs "name"); node is the step whose message it concerns
  --start ISO     when the contact is enrolled: a date and time with an offset or Z,
                  such as ${INSTANT_EXAMPLE} (a date alone is refused: whose midnight?)
  --until ISO     when the simulation stops (the enrollment may still be active then)
  --days N        or stop N days (N × 24 hours) after --start, 1 to ${MAX_DAYS};
                  without --until or --days: ${DEFAULT_DAYS} days
  --json          print one JSON object instead:
                  { "status", "zone", "timeline": [{ "at", "local", "node", "type", "action", … }] }
  -h, --help      show this help

Exit status:
  0  the simulation ran (whatever status the enrollment ended with)
  1  FILE is not a valid sequence (its problems print on stderr, as \`nudge validate\`
     prints them), or the simulation could not run (say, a holiday calendar Nudge lacks)
  2  a file can't be read or isn't JSON, the contact or the events are not as above
     (each problem names the file and the property), or a wrong command line

Problems, and the warnings of a valid FILE, go to stderr: stdout holds only the timeline.
One of FILE, --contact and --events may be - (standard input). Relative paths are taken
from the directory you ran pnpm in.`,

  async run(args, io) {
    const options = parseOptions(args);
    if (options === 'help') {
      io.out(`${this.help}\n`);
      return 0;
    }
    // Loaded on use: the runtime (zones, holiday calendars, Liquid) would add a few hundred
    // milliseconds to every other command's start.
    const { runSimulation } = await import('./simulate-run.ts');
    return runSimulation(options, io);
  },
};

export interface SimulateArgs {
  file: string;
  contact: string;
  events?: string;
  /** ISO 8601, UTC. */
  start: string;
  /** ISO 8601, UTC: from --until, --days or the default. */
  until: string;
  json: boolean;
}

/** The command line, checked before any file is read; `help` for -h. */
export function parseOptions(args: string[]): SimulateArgs | 'help' {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [file, ...more] = positionals;
  if (file === undefined) throw new UsageError('simulate needs a sequence FILE');
  if (more.length > 0)
    throw new UsageError(
      `simulate takes one FILE (got ${positionals.length}: ${positionals.join(' ')})`,
    );
  const { contact, events } = values;
  if (contact === undefined) throw new UsageError('--contact CONTACT.json is required');
  if ([file, contact, events].filter((path) => path === STDIN).length > 1)
    throw new UsageError('`-` (stdin) can stand for one file only');

  if (values.start === undefined)
    throw new UsageError(
      `--start is required: when the contact is enrolled, such as ${INSTANT_EXAMPLE}`,
    );
  const start = instant('--start', values.start);
  if (values.until !== undefined && values.days !== undefined)
    throw new UsageError('give --until or --days, not both');
  let until: number;
  if (values.until !== undefined) {
    until = instant('--until', values.until);
    if (until <= start) throw new UsageError(`--until must be after --start (${values.start})`);
  } else {
    const days = values.days ?? String(DEFAULT_DAYS);
    if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > MAX_DAYS)
      throw new UsageError(
        `--days must be a whole number of days from 1 to ${MAX_DAYS} (got ${JSON.stringify(days)})`,
      );
    until = start + Number(days) * DAY_MS;
  }
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    file,
    contact,
    ...(events !== undefined ? { events } : {}),
    start: iso(start),
    until: iso(until),
    json: values.json === true,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      contact: { type: 'string' },
      events: { type: 'string' },
      start: { type: 'string' },
      until: { type: 'string' },
      days: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function instant(option: string, text: string): number {
  const at = parseInstant(text);
  if (at === undefined)
    throw new UsageError(
      `${option} ${JSON.stringify(text)} is not an ISO 8601 time with an offset or Z, such as ${INSTANT_EXAMPLE}`,
    );
  return at;
}
