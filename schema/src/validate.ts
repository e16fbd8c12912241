import { LIMITS } from './format.ts';
import { graphProblems } from './graph.ts';
import { limitProblems, ruleLimitProblems } from './limits.ts';
import { migrate } from './migrate.ts';
import { type Problem, pointerTokens } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';
import type { Sequence } from './sequence.ts';
import { shapeProblems } from './shape.ts';
import { templateProblems } from './templates.ts';
import { textProblems } from './text-problems.ts';
import { updateProblems } from './update-problems.ts';

export interface ValidationResult {
  /** True when there is no error (warnings may remain). */
  ok: boolean;
  errors: Problem[];
  warnings: Problem[];
  /** The sequence, in the current format, when `ok`. */
  sequence?: Sequence;
}

export interface ValidateOptions {
  /**
   * The sequence is a version already published, as the worker compiles it: the limits that
   * bound what authors write (template_too_costly, rule_too_large, update_contact values) are
   * not applied. A version published before them keeps running, its work bounded by the
   * runtime's own limits (render time and memory, contact limits on updates).
   */
  stored?: boolean;
}

/** Problems of the limits on authoring, which `stored` leaves out. */
const AUTHORING_ONLY: ReadonlySet<string> = new Set(['template_too_costly', 'rule_too_large']);

/**
 * Validates a parsed sequence file: its format version (migrating older ones), the limits,
 * the JSON Schema shape, the graph rules and the templates. Never throws on any JSON input.
 */
export function validateSequence(input: unknown, options: ValidateOptions = {}): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return result([
      {
        severity: 'error',
        ...problemWith('not_an_object', {}),
        pointer: '',
      },
    ]);
  const migrated = migrate(input as Record<string, unknown>);
  if (!migrated.ok) return result([migrated.problem]);
  return runPasses(migrated.value, wholeFilePasses(migrated.value), options);
}

/** The checks of a file, each a pass over it (the incremental validator reuses their parts). */
export interface Passes {
  limits(): Problem[];
  texts(): Problem[];
  rules(): Problem[];
  shape(): { problems: Problem[]; unexplained: number };
  graph(): Problem[];
  templates(): Problem[];
  update(): Problem[];
}

export function wholeFilePasses(file: Record<string, unknown>): Passes {
  return {
    limits: () => limitProblems(file),
    texts: () => textProblems(file),
    rules: () => ruleLimitProblems(file),
    shape: () => shapeProblems(file),
    graph: () => graphProblems(file),
    templates: () => templateProblems(file),
    update: () => updateProblems(file),
  };
}

/**
 * Runs the passes over a migrated file in order. The limits, then text that can't be stored,
 * then the size of RULEs, each fail the file before any later pass reads it.
 */
export function runPasses(
  file: Record<string, unknown>,
  passes: Passes,
  options: ValidateOptions = {},
): ValidationResult {
  const keep = (p: Problem) => !options.stored || !AUTHORING_ONLY.has(p.code);
  const limits = passes.limits();
  if (limits.length > 0) return result(limits);
  const texts = passes.texts();
  if (texts.length > 0) return result(texts.map((p) => withIds(p, file)));
  const rules = passes.rules().filter(keep);
  if (rules.length > 0) return result(rules.map((p) => withIds(p, file)));

  const shape = passes.shape();
  const problems = [
    ...shape.problems,
    ...passes.graph(),
    ...passes.templates(),
    ...(options.stored ? [] : passes.update()),
  ]
    .filter(keep)
    .map((p) => withIds(p, file));
  const validated = result(problems, shape.unexplained);
  if (validated.ok) validated.sequence = file as unknown as Sequence;
  return validated;
}

/**
 * The problems in file order, at most LIMITS.problems of them and a note of the rest.
 * `unexplained`: errors of the schema validator not made into problems (shapeProblems), all
 * in a file with more problems than are listed anyway: they make the note's count a floor.
 */
function result(problems: Problem[], unexplained = 0): ValidationResult {
  const sorted = sortProblems(problems);
  let errors = sorted.filter((p) => p.severity === 'error');
  let warnings = sorted.filter((p) => p.severity === 'warning');
  // A file can be made to have a problem per node and then some: report enough to act on,
  // not an answer larger than the file.
  if (errors.length + warnings.length > LIMITS.problems || unexplained > 0) {
    const left = Math.max(0, errors.length + warnings.length - LIMITS.problems);
    errors = errors.slice(0, LIMITS.problems);
    warnings = warnings.slice(0, LIMITS.problems - errors.length);
    const note: Problem = {
      severity: errors.length > 0 ? 'error' : 'warning',
      ...problemWith('too_many_problems', {
        kind: unexplained > 0 ? (left === 0 ? 'unknown' : 'atLeast') : 'exact',
        count: String(left),
      }),
      pointer: '',
    };
    if (note.severity === 'error') errors.push(note);
    else warnings.push(note);
  }
  return { ok: errors.length === 0, errors, warnings };
}

/** Names the node or edge a problem's pointer lies in, when the problem does not already. */
function withIds(problem: Problem, file: Record<string, unknown>): Problem {
  if (problem.nodeId !== undefined || problem.edgeId !== undefined) return problem;
  const [list, index] = pointerTokens(problem.pointer);
  if ((list !== 'nodes' && list !== 'edges') || index === undefined || !/^\d+$/.test(index))
    return problem;
  const items = file[list];
  const item = Array.isArray(items)
    ? (items[Number(index)] as { id?: unknown } | undefined)
    : undefined;
  if (typeof item?.id !== 'string') return problem;
  return { ...problem, ...(list === 'nodes' ? { nodeId: item.id } : { edgeId: item.id }) };
}

const TOP_LEVEL = ['format', 'id', 'name', 'description', 'settings', 'nodes', 'edges'];
const rank = (key: string) => (TOP_LEVEL.includes(key) ? TOP_LEVEL.indexOf(key) : TOP_LEVEL.length);

/** Problems in file order (array indexes compared as numbers), so output reads top to bottom. */
function sortProblems(problems: Problem[]): Problem[] {
  const key = (p: Problem) => pointerTokens(p.pointer);
  return problems
    .map((p, i) => ({ p, i, k: key(p) }))
    .sort((a, b) => {
      const n = Math.min(a.k.length, b.k.length);
      for (let j = 0; j < n; j++) {
        const x = a.k[j] as string;
        const y = b.k[j] as string;
        if (x === y) continue;
        if (j === 0) return rank(x) - rank(y);
        const nx = /^\d+$/.test(x);
        const ny = /^\d+$/.test(y);
        if (nx && ny) return Number(x) - Number(y);
        return x < y ? -1 : 1;
      }
      return a.k.length - b.k.length || a.i - b.i;
    })
    .map(({ p }) => p);
}
