import type { ErrorObject } from 'ajv';
import { ERROR_ANNOTATION, type ErrorAnnotation } from './discriminated.ts';
import { escapePointerToken, type Problem, type ProblemCode } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';
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

const problem = (code: ProblemCode, pointer: string, params: Record<string, string>): Problem => ({
  severity: 'error',
  ...problemWith(code, params),
  pointer,
});

function problemOf(e: ErrorObject): Problem {
  // An error about a property's name (propertyNames) points at that property.
  if (e.propertyName !== undefined) {
    const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
    return problem('invalid_value', `${e.instancePath}/${escapePointerToken(e.propertyName)}`, {
      kind: 'name',
      name: e.propertyName,
      description: String(schema.description ?? ''),
    });
  }
  const at = e.instancePath;
  const annotation = annotationOf(e);
  if (annotation) return problem(annotation.code, at, { kind: annotation.kind });
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  const value = describe(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const allowed = Object.keys((schema.properties as object | undefined) ?? {});
      const hint = closest(name, allowed);
      return problem('unknown_property', `${at}/${escapePointerToken(name)}`, {
        property: name,
        ...(hint ? { hint } : allowed.length ? { allowed: allowed.join(', ') } : {}),
      });
    }
    case 'required':
      return problem('missing_property', at, { property: String(e.params.missingProperty) });
    case 'type':
      return problem('invalid_type', at, { expected: String(e.params.type), ...value });
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return problem('invalid_value', at, { kind: 'enum', allowed: allowed.join(', '), ...value });
    }
    case 'const':
      return problem('invalid_value', at, {
        kind: 'const',
        allowed: JSON.stringify(e.params.allowedValue),
        ...value,
      });
    case 'format':
      if (e.params.format === 'iana-time-zone') return problem('invalid_timezone', at, value);
      return problem('invalid_value', at, {
        kind: 'format',
        format: String(e.params.format),
        ...value,
      });
    case 'pattern':
      return problem('invalid_value', at, {
        kind: 'pattern',
        description: String(schema.description ?? ''),
        pattern: String(e.params.pattern),
        ...value,
      });
    case 'minLength':
      return e.params.limit === 1
        ? problem('invalid_value', at, { kind: 'empty' })
        : problem('invalid_value', at, { kind: 'minLength', limit: String(e.params.limit) });
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return problem('invalid_value', at, { kind: e.keyword, limit: String(e.params.limit) });
    case 'uniqueItems':
      return problem('invalid_value', at, {
        kind: 'uniqueItems',
        first: String(e.params.j),
        second: String(e.params.i),
      });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return problem('invalid_value', at, {
        kind: 'compare',
        comparison: String(e.params.comparison),
        limit: String(e.params.limit),
        ...value,
      });
    case 'multipleOf':
      return problem('invalid_value', at, { kind: 'whole' });
    default:
      return problem('invalid_value', at, {
        kind: 'other',
        detail: e.message ?? 'is not valid here',
      });
  }
}

/** A value as messages quote it (problem-messages): its kind, and strings and numbers as they are. */
function describe(value: unknown): { valueKind: string; value: string } {
  if (value === null) return { valueKind: 'null', value: 'null' };
  if (Array.isArray(value)) return { valueKind: 'array', value: '' };
  if (typeof value === 'object') return { valueKind: 'object', value: '' };
  if (typeof value === 'string')
    return {
      valueKind: 'string',
      value: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value),
    };
  return { valueKind: typeof value, value: String(value) };
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
