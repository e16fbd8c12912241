import {
  type Problem,
  type ProblemLanguage,
  problemText,
  type TextPosition,
  type ValidationResult,
} from '@nudge/schema';
import { type CliIo, paint } from './io.ts';

/**
 * What `nudge validate` found in one file, and how it prints. One line per problem, in the
 * `file:line:column:` form that editors and CI annotate, then one summary line per file:
 *
 *   examples/x.json:41:7: error [unknown_handle] edge e3 at /edges/2/sourceHandle: condition "check" has no handle "maybe" (it has yes, no)
 *   examples/x.json:12:5: warning [unknown_variable] node welcome at /nodes/1/data/body: …
 *   examples/x.json: invalid, 1 error, 1 warning
 *
 *   bad.json:3:1: error [invalid_json]: expected a property name in double quotes but found "}" (remove the trailing comma?)
 *   bad.json: not JSON
 *
 *   missing.json: error [file_not_found]: no such file
 *   missing.json: unreadable
 *
 * The summary is `valid`, `valid, N warnings`, `invalid, N errors[, N warnings]`, `not JSON`
 * or `unreadable`. Anything that comes from the file is printed with control characters
 * escaped, so a file can't break the line format or drive the terminal.
 */
export type FileReport =
  | {
      file: string;
      kind: 'checked';
      result: ValidationResult;
      positions: Map<string, TextPosition>;
    }
  | { file: string; kind: 'unreadable'; code: string; message: string; position?: TextPosition };

/** How a report prints: in colour or not, and problems in English (the default) or Korean. */
export type ReportStyle = Pick<CliIo, 'color'> & { language?: ProblemLanguage };

export function formatReport(report: FileReport, io: ReportStyle): string {
  const red = paint(io, 'red');
  const file = clean(report.file);
  if (report.kind === 'unreadable') {
    const at = report.position ? `:${report.position.line}:${report.position.column}` : '';
    const verdict = report.code === 'invalid_json' ? 'not JSON' : 'unreadable';
    return [
      `${file}${at}: ${red('error')} [${report.code}]: ${clean(report.message)}`,
      `${file}: ${red(verdict)}`,
    ]
      .map((line) => `${line}\n`)
      .join('');
  }
  const { result, positions } = report;
  const lines = [...result.errors, ...result.warnings]
    .sort((a, b) => offsetOf(a, positions) - offsetOf(b, positions))
    .map((problem) => formatProblem(file, problem, positions.get(problem.pointer), io));
  lines.push(`${file}: ${summary(result, io)}`);
  return lines.map((line) => `${line}\n`).join('');
}

function formatProblem(
  file: string,
  problem: Problem,
  position: TextPosition | undefined,
  io: ReportStyle,
): string {
  const severity =
    problem.severity === 'error' ? paint(io, 'red')('error') : paint(io, 'yellow')('warning');
  const at = position ? `:${position.line}:${position.column}` : '';
  const pointer = problem.pointer === '' ? '' : ` at ${clean(problem.pointer)}`;
  return `${file}${at}: ${severity} [${problem.code}]${target(problem)}${pointer}: ${clean(problemText(problem, io.language ?? 'en'))}`;
}

/**
 * What the line names: the edge whenever the pointer is in one (a cycle, a bad handle or
 * target: the edge is what to fix, even when the problem also names a node), else the node,
 * else the edge; nothing for the file as a whole.
 */
function target(problem: Problem): string {
  const { nodeId, edgeId } = problem;
  const inEdge = problem.pointer.startsWith('/edges/');
  if (edgeId !== undefined && (inEdge || nodeId === undefined)) return ` edge ${id(edgeId)}`;
  if (nodeId !== undefined) return ` node ${id(nodeId)}`;
  return '';
}

function summary(result: ValidationResult, io: Pick<CliIo, 'color'>): string {
  const errors = count(result.errors.length, 'error');
  const warnings = count(result.warnings.length, 'warning');
  if (result.ok)
    return [paint(io, 'green')('valid'), ...(result.warnings.length ? [warnings] : [])].join(', ');
  return [paint(io, 'red')('invalid'), errors, ...(result.warnings.length ? [warnings] : [])].join(
    ', ',
  );
}

/** Problems in the order they appear in the file; the validator's order breaks ties. */
function offsetOf(problem: Problem, positions: Map<string, TextPosition>): number {
  return positions.get(problem.pointer)?.offset ?? 0;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** An id as it is when it is a plain word, quoted when it holds anything else. */
function id(value: string): string {
  return /^[\w.-]+$/.test(value) ? value : JSON.stringify(value);
}

/** Escapes control characters (line breaks, ESC) as \uXXXX. */
export function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The --json form of a report: the validator's problems with their line and column. */
export function reportJson(report: FileReport): Record<string, unknown> {
  if (report.kind === 'unreadable') {
    const where = report.position
      ? { line: report.position.line, column: report.position.column }
      : {};
    return {
      file: report.file,
      ok: false,
      error: { code: report.code, message: report.message, ...where },
    };
  }
  const located = (problem: Problem) => {
    const position = report.positions.get(problem.pointer);
    return position ? { ...problem, line: position.line, column: position.column } : problem;
  };
  return {
    file: report.file,
    ok: report.result.ok,
    errors: report.result.errors.map(located),
    warnings: report.result.warnings.map(located),
  };
}
