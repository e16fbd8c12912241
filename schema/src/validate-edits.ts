import type { ErrorObject } from 'ajv';
import { FORMAT_V1, LIMITS } from './format.ts';
import { graphProblems, sameGraphView } from './graph.ts';
import { limitProblems, ruleLimitProblems } from './limits.ts';
import { migrate } from './migrate.ts';
import type { Problem } from './problem.ts';
import { explainShape, type ShapeErrors, shapeErrors } from './shape.ts';
import { EXPLAINED_ERRORS } from './shape-limits.ts';
import { templateProblems } from './templates.ts';
import { textProblems } from './text-problems.ts';
import { updateProblems } from './update-problems.ts';
import {
  type Passes,
  runPasses,
  type ValidationResult,
  validateSequence,
  wholeFilePasses,
} from './validate.ts';

/**
 * Validation of a document edited step by step, as the editor does on every key: the same
 * answer as validateSequence, always, in a fraction of the time when only a few steps' data
 * changed since the last call (a 1,000-step sequence: about 6 ms, against 16).
 *
 * The passes that read one step at a time (the schema, templates, text, RULE sizes, contact
 * updates) keep their findings per step, and only the steps that are not the same objects as
 * last time are checked again, each alone in a one-step file whose pointers are then moved to
 * its place. The graph checks run again only when a changed step's data matters to them (a
 * split's branches, an email's subject…); the limits run every time. Anything else
 * (steps added, removed or reordered, an id or a type changed, settings or links changed, a
 * file failing early or with more errors than are explained) is validated whole.
 */
export function editValidator(): (input: unknown) => ValidationResult {
  let kept: Kept | undefined;
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      kept = undefined;
      return validateSequence(input);
    }
    const migrated = migrate(input as Loose);
    if (!migrated.ok) {
      kept = undefined;
      return validateSequence(input);
    }
    const file = migrated.value;
    const changed = kept && changedSteps(kept.file, file);
    const run = changed && kept ? stepPasses(kept, file, changed) : wholePasses(file);
    const validated = runPasses(file, run.passes);
    kept = run.kept();
    return validated;
  };
}

type Loose = Record<string, unknown>;

/** What the last validation found, per step (index) and outside the steps. */
interface Kept {
  file: Loose;
  shape: { outside: ErrorObject[]; steps: ErrorObject[][] };
  graph: Problem[];
  templates: Problem[][];
  update: Problem[][];
}

/** The passes of one validation, and what to keep of them once they have run. */
interface Run {
  passes: Passes;
  kept(): Kept | undefined;
}

/** At most this many changed steps are checked alone; more, the file is checked whole. */
const MOST_CHANGED = 16;

/** Whole-file passes, their findings split by step for the next call. */
function wholePasses(file: Loose): Run {
  const whole = wholeFilePasses(file);
  const steps = Array.isArray(file.nodes) ? file.nodes.length : 0;
  const seen: Partial<Record<keyof Passes, unknown>> = {};
  let shape: ShapeErrors | undefined;
  const passes: Passes = {
    ...whole,
    limits: () => remember(seen, 'limits', whole.limits()),
    texts: () => remember(seen, 'texts', whole.texts()),
    rules: () => remember(seen, 'rules', whole.rules()),
    shape: () => {
      shape = shapeErrors(file);
      return explainShape(shape);
    },
    graph: () => remember(seen, 'graph', whole.graph()),
    templates: () => remember(seen, 'templates', whole.templates()),
    update: () => remember(seen, 'update', whole.update()),
  };
  return {
    passes,
    kept: () => {
      if (!shape || !reusable(shape) || !seen.graph || !seen.templates || !seen.update)
        return undefined;
      const byStep = splitErrors(shape.errors, steps);
      return {
        file,
        shape: byStep,
        graph: seen.graph as Problem[],
        templates: splitProblems(seen.templates as Problem[], steps),
        update: splitProblems(seen.update as Problem[], steps),
      };
    },
  };
}

function remember<T>(seen: Partial<Record<keyof Passes, unknown>>, pass: keyof Passes, found: T) {
  seen[pass] = found;
  return found;
}

/** Findings can be reused when none was cut off at a cap (so each step's are all there). */
const reusable = (shape: ShapeErrors) => !shape.stopped && shape.errors.length <= EXPLAINED_ERRORS;

/** The passes for `file`, which differs from the kept one in the data of the `changed` steps. */
function stepPasses(kept: Kept, file: Loose, changed: number[]): Run {
  const nodes = file.nodes as unknown[];
  const settings = file.settings;
  const shapeSteps = [...kept.shape.steps];
  const templates = [...kept.templates];
  const update = [...kept.update];
  let complete = false;
  let shape: ShapeErrors | undefined;
  let graph = kept.graph;
  const alone = <T>(find: (step: unknown, index: number) => T[]) =>
    changed.flatMap((index) => find(nodes[index], index));
  const passes: Passes = {
    limits: () => limitProblems(file),
    // The other steps had none of these, or the last validation would have ended there.
    texts: () => {
      const found = alone((step, index) => moved(textProblems(oneStep(step)), index));
      // At the cap, which are listed depends on the whole file's order: ask the whole file.
      return found.length < LIMITS.problems ? found : textProblems(file);
    },
    rules: () => alone((step, index) => moved(ruleLimitProblems(oneStep(step)), index)),
    shape: () => {
      for (const index of changed) {
        const errors = stepShapeErrors(nodes[index], index);
        if (!errors) return wholeShape();
        shapeSteps[index] = errors;
      }
      const errors = [...kept.shape.outside, ...shapeSteps.flat()];
      shape = { errors, stopped: false };
      if (!reusable(shape)) return wholeShape();
      return explainShape(shape);
    },
    graph: () => {
      const before = kept.file.nodes as Loose[];
      // A step's data is read by the graph checks in a few places only (sameGraphView).
      if (!changed.every((i) => sameGraphView(before[i] as Loose, nodes[i] as Loose)))
        graph = graphProblems(file);
      return graph;
    },
    templates: () => {
      for (const index of changed)
        templates[index] = moved(templateProblems(oneStep(nodes[index], settings)), index);
      return templates.flat();
    },
    update: () => {
      for (const index of changed)
        update[index] = moved(updateProblems(oneStep(nodes[index])), index);
      complete = true;
      return update.flat();
    },
  };
  // Too many errors to explain them all: the file's own order decides which are, so whole.
  const wholeShape = () => {
    shape = undefined;
    return explainShape(shapeErrors(file));
  };
  return {
    passes,
    kept: () =>
      complete && shape
        ? {
            file,
            shape: { outside: kept.shape.outside, steps: shapeSteps },
            graph,
            templates,
            update,
          }
        : undefined,
  };
}

/**
 * The indexes of the steps that changed from `before` to `after`, when nothing else did:
 * every other property the same value, the same number of steps, each changed one keeping its
 * id and type. Else undefined (validate whole).
 */
function changedSteps(before: Loose, after: Loose): number[] | undefined {
  const keys = Object.keys(after);
  if (keys.length !== Object.keys(before).length) return undefined;
  for (const key of keys)
    if (key !== 'nodes' && (!Object.hasOwn(before, key) || before[key] !== after[key]))
      return undefined;
  const was = before.nodes;
  const is = after.nodes;
  if (!Array.isArray(was) || !Array.isArray(is) || was.length !== is.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < is.length; i++) {
    const a = was[i];
    const b = is[i];
    if (a === b) continue;
    if (!isObject(a) || !isObject(b) || typeof a.id !== 'string') return undefined;
    if (a.id !== b.id || a.type !== b.type || typeof b.type !== 'string') return undefined;
    if (changed.push(i) > MOST_CHANGED) return undefined;
  }
  return changed;
}

const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file of one step, as the per-step passes read it (with the settings templates use). */
function oneStep(step: unknown, settings?: unknown): Loose {
  return settings === undefined ? { nodes: [step] } : { settings, nodes: [step] };
}

/** The schema's errors for one step, at its place in the file; undefined past the cap. */
function stepShapeErrors(step: unknown, index: number): ErrorObject[] | undefined {
  const found = shapeErrors({ format: FORMAT_V1, name: 'one step', nodes: [step], edges: [] });
  if (found.stopped) return undefined;
  const at = `/nodes/${index}`;
  return found.errors
    .filter((e) => within(e.instancePath, '/nodes/0'))
    .map((e) => ({ ...e, instancePath: at + e.instancePath.slice('/nodes/0'.length) }));
}

/** Problems of a one-step file, moved to the step's place. */
function moved(problems: Problem[], index: number): Problem[] {
  const at = `/nodes/${index}`;
  return problems.map((p) =>
    within(p.pointer, '/nodes/0') ? { ...p, pointer: at + p.pointer.slice('/nodes/0'.length) } : p,
  );
}

const within = (pointer: string, prefix: string) =>
  pointer === prefix || pointer.startsWith(`${prefix}/`);

const STEP = /^\/nodes\/(\d+)(?:\/|$)/;

function splitErrors(errors: ErrorObject[], steps: number): Kept['shape'] {
  const outside: ErrorObject[] = [];
  const bySteps: ErrorObject[][] = Array.from({ length: steps }, () => []);
  for (const e of errors) {
    const index = Number(STEP.exec(e.instancePath)?.[1] ?? Number.NaN);
    (index < steps ? (bySteps[index] as ErrorObject[]) : outside).push(e);
  }
  return { outside, steps: bySteps };
}

/** The passes reading steps alone find problems only within them. */
function splitProblems(problems: Problem[], steps: number): Problem[][] {
  const bySteps: Problem[][] = Array.from({ length: steps }, () => []);
  for (const p of problems) {
    const index = Number(STEP.exec(p.pointer)?.[1] ?? Number.NaN);
    if (!(index < steps)) throw new Error(`a step's problem outside the steps: ${p.pointer}`);
    (bySteps[index] as Problem[]).push(p);
  }
  return bySteps;
}
