import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkSequenceBytes,
  FORMAT_V1,
  isProblemLanguage,
  LIMITS,
  locatePointers,
  migrate,
  type Sequence,
} from '@nudge/schema';
import { formatBytes } from '../limits.ts';
import type { Command } from './command.ts';
import { type ReadFile, readFileBytes, readStreamBytes } from './files.ts';
import { type CliIo, UsageError } from './io.ts';
import { type FileReport, formatReport, reportJson } from './report.ts';

/** `nudge validate FILE...` (FORMAT.md section 7). */
export const validateCommand: Command = {
  name: 'validate',
  synopsis: '[--json] [--lang en|ko] FILE...',
  summary: `check sequence files (format ${FORMAT_V1}): shape, graph and templates`,
  help: `Usage: pnpm nudge validate [--json] [--lang en|ko] FILE...

Checks each sequence file (format ${FORMAT_V1}): its shape, its graph and its
templates. Prints one line per problem, then one summary line per file:

  FILE:LINE:COLUMN: error|warning [CODE] node|edge ID at POINTER: MESSAGE
  FILE: valid | valid, N warnings | invalid, N errors, N warnings | not JSON | unreadable

Options:
  --json      print one JSON array instead: [{ "file", "ok", "errors", "warnings" }]
              (a file that can't be read or isn't JSON: { "file", "ok": false, "error" })
  --lang ko   print the problems' messages in Korean (the default, en, is English;
              --json keeps English messages, with each problem's params)
  -h, --help  show this help

Exit status:
  0  every file is valid (warnings may print)
  1  some file is invalid
  2  some file can't be read or isn't JSON (this wins over 1), or a wrong command line

A FILE of - is standard input (\`cat x.json | pnpm nudge validate -\`), named <stdin>;
pipes and devices such as <(...) or /dev/stdin are read too, up to ${formatBytes(LIMITS.fileBytes)}.
Relative paths are taken from the directory you ran pnpm in.`,

  async run(args, io) {
    const { values, positionals } = parseOptions(args);
    if (values.help) {
      io.out(`${this.help}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('validate needs at least one FILE');
    if (positionals.filter((file) => file === STDIN).length > 1)
      throw new UsageError('`-` (stdin) can be given only once');
    const language = values.lang ?? 'en';
    if (!isProblemLanguage(language))
      throw new UsageError(`--lang must be en or ko, not ${JSON.stringify(language)}`);
    const reports: FileReport[] = [];
    for (const file of positionals) {
      const report = await validateFile(file, io);
      reports.push(report);
      if (!values.json) io.out(formatReport(report, { color: io.color, language }));
    }
    if (values.json) io.out(`${JSON.stringify(reports.map(reportJson), null, 2)}\n`);
    if (reports.some((r) => r.kind === 'unreadable')) return 2;
    return reports.some((r) => r.kind === 'checked' && !r.result.ok) ? 1 : 0;
  },
};

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The FILE that means standard input, and its name in the output. */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

/** How a FILE of the command line is named in the output. */
export const inputName = (path: string) => (path === STDIN ? STDIN_NAME : path);

/** Reads a FILE of the command line, `-` being standard input, up to the file-size limit. */
export function readInput(path: string, io: Pick<CliIo, 'cwd' | 'stdin'>): Promise<ReadFile> {
  return path === STDIN
    ? readStreamBytes(io.stdin(), LIMITS.fileBytes)
    : readFileBytes(resolve(io.cwd, path), LIMITS.fileBytes);
}

export async function validateFile(
  path: string,
  io: Pick<CliIo, 'cwd' | 'stdin'>,
): Promise<FileReport> {
  return (await checkFile(path, io)).report;
}

/** What validateFile reports, and the sequence itself when the file is valid. */
export async function checkFile(
  path: string,
  io: Pick<CliIo, 'cwd' | 'stdin'>,
): Promise<{ report: FileReport; sequence?: Sequence }> {
  const file = inputName(path);
  const read = await readInput(path, io);
  if (!read.ok)
    return { report: { file, kind: 'unreadable', code: read.code, message: read.message } };
  const checked = checkSequenceBytes(read.bytes);
  if (checked.kind === 'unreadable') {
    const position = checked.code === 'invalid_json' ? checked.position : undefined;
    const { code, message } = checked;
    return { report: { file, kind: 'unreadable', code, message, position } };
  }
  const { errors, warnings } = checked.result;
  const pointers = [...errors, ...warnings].map((p) => p.pointer);
  const positions = pointers.length ? locatePointers(checked.text, pointers) : new Map();
  const report: FileReport = { file, kind: 'checked', result: checked.result, positions };
  // The validator accepted it, so it migrates: this is the sequence it validated.
  const migrated = checked.result.ok ? migrate(checked.value as Record<string, unknown>) : null;
  return migrated?.ok ? { report, sequence: migrated.value as unknown as Sequence } : { report };
}
