import { parseArgs } from 'node:util';
import { diffSequences, migrate, type Sequence } from '@nudge/schema';
import type { Command } from './command.ts';
import { formatDiff, summary } from './diff-report.ts';
import { type CliIo, UsageError } from './io.ts';
import { readJsonInput } from './json-input.ts';
import { clean } from './report.ts';
import { inputName, STDIN } from './validate.ts';

/** `nudge diff A.json B.json` (FORMAT.md section 7). */
export const diffCommand: Command = {
  name: 'diff',
  synopsis: '[--json] A.json B.json',
  summary: 'the differences between two sequence files, step by step',
  help: `Usage: pnpm nudge diff [--json] A.json B.json

Compares two sequence files step by step, as the publish dialog does: steps added,
removed and changed (each changed field with its JSON pointer, before and after),
edges added, removed and rewired, settings and name. Steps are matched by id, edges
by id and else by the handle they leave. The order of keys never counts; a step
that only moved on the canvas is listed apart. Neither file needs to be valid.

  + step ID (TYPE)            in B only
  - step ID (TYPE)            in A only
  ~ step ID (TYPE)            in both, with its changed fields under it
      /data/subject: "before" → "after"
  ~ edge ID: SOURCE [HANDLE] → TARGET, now SOURCE [HANDLE] → TARGET

Options:
  --json      print the differences as one JSON object instead (diffSequences of
              @nudge/schema): { "equal", "name", "description", "settings",
              "steps": { "added", "removed", "changed" },
              "edges": { "added", "removed", "rewired" }, "other" }
  -h, --help  show this help

Exit status:
  0  the two are the same sequence
  1  they differ
  2  a file can't be read, isn't JSON or isn't a JSON object, or a wrong command line

A FILE of - is standard input (one of the two at most). Relative paths are taken from
the directory you ran pnpm in.`,

  async run(args, io) {
    const { values, positionals } = parseOptions(args);
    if (values.help) {
      io.out(`${this.help}\n`);
      return 0;
    }
    if (positionals.length !== 2)
      throw new UsageError(`diff takes two files, A and B (got ${positionals.length})`);
    const [a, b] = positionals as [string, string];
    if (a === STDIN && b === STDIN) throw new UsageError('`-` (stdin) can be given only once');
    const before = await readSequence(a, io);
    const after = await readSequence(b, io);
    if (!before.ok || !after.ok) {
      for (const read of [before, after]) if (!read.ok) io.err(`nudge diff: ${read.line}\n`);
      return 2;
    }
    const diff = diffSequences(
      before.value as unknown as Sequence,
      after.value as unknown as Sequence,
    );
    if (values.json) io.out(`${JSON.stringify(diff, null, 2)}\n`);
    else {
      const names = { a: inputName(a), b: inputName(b) };
      io.out(formatDiff(diff, { ...names, before: before.value, after: after.value }, io));
      if (!diff.equal) io.out(`${clean(names.a)} → ${clean(names.b)}: ${summary(diff)}\n`);
    }
    return diff.equal ? 0 : 1;
  },
};

type Read = { ok: true; value: Record<string, unknown> } | { ok: false; line: string };

/** A file as a sequence to compare: any JSON object, in format v1 when it migrates to it. */
async function readSequence(path: string, io: Pick<CliIo, 'cwd' | 'stdin'>): Promise<Read> {
  const read = await readJsonInput(path, io);
  if (!read.ok) return read;
  const { value } = read;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      line: `${clean(inputName(path))}: not a sequence file: the JSON is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}, not an object`,
    };
  const migrated = migrate(value as Record<string, unknown>);
  return { ok: true, value: migrated.ok ? migrated.value : (value as Record<string, unknown>) };
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
