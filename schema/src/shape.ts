import type { ErrorObject } from 'ajv';
import { ERROR_ANNOTATION, type ErrorAnnotation } from './discriminated.ts';
import { escapePointerToken, type Problem, type ProblemCode } from './problem.ts';
import { EXPLAINED_ERRORS } from './shape-limits.ts';
import validate, { TooManyShapeErrors } from './shape-validator.generated.js';

/** The schema validator's errors for `input`; `stopped` when it gave up at its cap. */
export interface ShapeErrors {
  errors: ErrorObject[];
  stopped: boolean;
}

export function shapeErrors(input: unknown): ShapeErrors {
  try {
    if (validate(input)) return { errors: [], stopped: false };
    return { errors: validate.errors ?? [], stopped: false };
  } catch (error) {
    if (!(error instanceof TooManyShapeErrors)) throw error;
    return { errors: error.errors, stopped: true };
  }
}

/**
 * Shape problems (JSON Schema) of `input`, without node or edge ids: the caller adds them.
 * At most EXPLAINED_ERRORS of the validator's errors are explained (shape-limits.ts);
 * `unexplained` counts those left, or is Infinity when the validator stopped at its cap.
 */
export function shapeProblems(input: unknown): { problems: Problem[]; unexplained: number } {
  return explainShape(shapeErrors(input));
}

/** The problems that the validator's errors (of one file, in any order) stand for. */
export function explainShape({ errors, stopped }: ShapeErrors): {
  problems: Problem[];
  unexplained: number;
} {
  if (errors.length === 0 && !stopped) return { problems: [], unexplained: 0 };
  return {
    problems: explain(errors.slice(0, EXPLAINED_ERRORS)),
    unexplained: stopped ? Number.POSITIVE_INFINITY : Math.max(0, errors.length - EXPLAINED_ERRORS),
  };
}

function explain(errors: ErrorObject[]): Problem[] {
  // An annotated schema speaks for everything beneath it: one clear message, not the noise of
  // every alternative that failed.
  const annotated = errors.filter((e) => annotationOf(e));
  const covered = (e: ErrorObject) =>
    annotated.some(
      (a) =>
        a !== e &&
        (e.instancePath === a.instancePath || e.instancePath.startsWith(`${a.instancePath}/`)) &&
        e.schemaPath.startsWith(`${parentPath(a)}/`),
    );
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // `if` only says that its `then` failed; the `then` errors say why.
    if (e.keyword === 'if' || e.keyword === 'allOf' || e.keyword === 'propertyNames') continue;
    if (!annotationOf(e) && covered(e)) continue;
    const p = problemOf(e);
    const key = `${p.code} ${p.pointer} ${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(p);
  }
  return problems;
}

/** The schema path of the object holding the failing keyword. */
function parentPath(e: ErrorObject): string {
  return e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
}

function annotationOf(e: ErrorObject): ErrorAnnotation | undefined {
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  return parent?.[ERROR_ANNOTATION] as ErrorAnnotation | undefined;
}

const problem = (code: ProblemCode, pointer: string, message: string): Problem => ({
  severity: 'error',
  code,
  message,
  pointer,
});

function problemOf(e: ErrorObject): Problem {
  // An error about a property's name (propertyNames) points at that property.
  if (e.propertyName !== undefined) {
    const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
    return problem(
      'invalid_value',
      `${e.instancePath}/${escapePointerToken(e.propertyName)}`,
      `"${e.propertyName}" is not ${String(schema.description ?? 'a name allowed here')}`,
    );
  }
  const at = e.instancePath;
  const annotation = annotationOf(e);
  if (annotation) return problem(annotation.code, at, annotation.message);
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  const what = describe(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const allowed = Object.keys((schema.properties as object | undefined) ?? {});
      const hint = closest(name, allowed);
      return problem(
        'unknown_property',
        `${at}/${escapePointerToken(name)}`,
        `unknown property "${name}"${hint ? `: did you mean "${hint}"?` : allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
      );
    }
    case 'required':
      return problem(
        'missing_property',
        at,
        `missing required property "${e.params.missingProperty}"`,
      );
    case 'type':
      return problem('invalid_type', at, `must be ${article(String(e.params.type))}, not ${what}`);
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return problem('invalid_value', at, `${what} is not one of ${allowed.join(', ')}`);
    }
    case 'const':
      return problem(
        'invalid_value',
        at,
        `must be ${JSON.stringify(e.params.allowedValue)}, not ${what}`,
      );
    case 'format':
      if (e.params.format === 'iana-time-zone')
        return problem(
          'invalid_timezone',
          at,
          `${what} is not an IANA time zone (e.g. "Asia/Seoul", "UTC")`,
        );
      return problem(
        'invalid_value',
        at,
        `${what} is not ${article(describeFormat(String(e.params.format)))}`,
      );
    case 'pattern':
      return problem(
        'invalid_value',
        at,
        `${what} is not ${String(schema.description ?? `of the form ${e.params.pattern}`)}`,
      );
    case 'minLength':
      return e.params.limit === 1
        ? problem('invalid_value', at, 'must not be empty')
        : problem('invalid_value', at, `must be at least ${e.params.limit} characters`);
    case 'maxLength':
      return problem('invalid_value', at, `must be at most ${e.params.limit} characters`);
    case 'minItems':
      return problem(
        'invalid_value',
        at,
        `must have at least ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}`,
      );
    case 'maxItems':
      return problem('invalid_value', at, `must have at most ${e.params.limit} items`);
    case 'uniqueItems':
      return problem('invalid_value', at, `items ${e.params.j} and ${e.params.i} are the same`);
    case 'minProperties':
      return problem(
        'invalid_value',
        at,
        `must set at least ${e.params.limit} propert${e.params.limit === 1 ? 'y' : 'ies'}`,
      );
    case 'maxProperties':
      return problem('invalid_value', at, `must have at most ${e.params.limit} properties`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return problem(
        'invalid_value',
        at,
        `${what} must be ${e.params.comparison} ${e.params.limit}`,
      );
    case 'multipleOf':
      return problem('invalid_value', at, `must be a whole number`);
    default:
      return problem('invalid_value', at, e.message ?? 'is not valid here');
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

function describeFormat(format: string): string {
  return format === 'email' ? 'email address' : `${format}`;
}

function article(noun: string): string {
  if (noun.includes(',')) return `one of ${noun}`;
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** The allowed name nearest to a typo, when it is near enough to be a likely intent. */
function closest(name: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of allowed) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
