import { analyzeSync, type Liquid } from 'liquidjs';
import { templateFields } from './fields.ts';
import { LIMITS } from './format.ts';
import { createLiquid, liquidMessage } from './liquid.ts';
import { type Problem, pointerOf } from './problem.ts';
import { BUILTIN_VARIABLES } from './settings.ts';
import { type TemplateCost, templateCost } from './template-cost.ts';
import { utf8Length } from './text.ts';

/**
 * Template checks: every Liquid template parses with the engine the runtime uses, stays
 * under the size limit, and names only merge variables that something provides.
 */

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What each root of the merge context offers (FORMAT.md section 5); `*` takes any key. The
 * editor completes merge variables from it, so it offers what this check accepts.
 */
export const MERGE_CONTEXT: Record<string, Record<string, true | Record<string, true>>> = {
  contact: {
    id: true,
    email: true,
    phone: true,
    name: true,
    company: true,
    title: true,
    timezone: true,
    locale: true,
    tags: true,
    unsubscribed: true,
    attributes: { '*': true },
    owner: { name: true, email: true, phone: true },
  },
  owner: { name: true, email: true, phone: true },
  sender: { name: true, email: true, replyTo: true },
  sequence: { name: true },
};

let engine: Liquid | undefined;
const liquid = () => {
  engine ??= createLiquid();
  return engine;
};

export function templateProblems(input: Loose): Problem[] {
  const problems: Problem[] = [];
  const aliases = new Set(Object.keys(BUILTIN_VARIABLES));
  const settings = input.settings;
  if (isObject(settings) && isObject(settings.variables))
    for (const name of Object.keys(settings.variables))
      if (!Object.hasOwn(MERGE_CONTEXT, name)) aliases.add(name);

  const nodes = Array.isArray(input.nodes) ? input.nodes : [];
  nodes.forEach((node: unknown, index) => {
    if (!isObject(node)) return;
    const ids = typeof node.id === 'string' ? { nodeId: node.id } : {};
    for (const field of templateFields(node)) {
      const pointer = pointerOf('nodes', index, ...field.path);
      const where = field.path.slice(1).join('.');
      const bytes = utf8Length(field.text);
      if (bytes > LIMITS.templateBytes) {
        problems.push({
          severity: 'error',
          code: 'template_too_large',
          message: `the ${where} is ${bytes} bytes; a template may have at most ${LIMITS.templateBytes}`,
          pointer,
          ...ids,
        });
        continue;
      }
      const analysis = analyze(field.text);
      if ('error' in analysis) {
        problems.push({
          severity: 'error',
          code: 'liquid_syntax',
          message: `the ${where} is not a valid template: ${analysis.error}`,
          pointer,
          ...ids,
        });
        continue;
      }
      if (analysis.cost.work > LIMITS.template.work) {
        problems.push({
          severity: 'error',
          code: 'template_too_costly',
          message: `the ${where} ${costMessage(field.text, analysis.cost)}`,
          pointer,
          ...ids,
        });
        continue;
      }
      for (const unknown of unknownVariables(analysis.variables, aliases))
        problems.push({
          severity: 'warning',
          code: 'unknown_variable',
          message: `the ${where} uses {{ ${unknown.name} }} (line ${unknown.row}, column ${unknown.col}), which no contact field or alias provides: it will render empty`,
          pointer,
          ...ids,
        });
    }
  });
  return problems;
}

interface VariableUse {
  root: string;
  segments: Array<string | number>;
  row: number;
  col: number;
}

type Analysis = { error: string } | { variables: VariableUse[]; cost: TemplateCost };

/**
 * Parsing and analysing a template costs tens of microseconds; the editor re-validates on
 * every edit, so results are kept by template text. Bounded by the characters kept, not the
 * count: the server validates files from anyone, and each template may be 64 KiB.
 */
const analyses = new Map<string, Analysis>();
const KEPT_CHARACTERS = 4_000_000;
let keptCharacters = 0;

function analyze(text: string): Analysis {
  const kept = analyses.get(text);
  if (kept) return kept;
  let analysis: Analysis;
  try {
    const parsed = liquid().parse(text);
    analysis = { variables: variablesOf(parsed), cost: templateCost(parsed) };
  } catch (err) {
    analysis = { error: liquidMessage(err) };
  }
  keep(text, analysis);
  return analysis;
}

function keep(text: string, analysis: Analysis): void {
  if (keptCharacters + text.length > KEPT_CHARACTERS) {
    analyses.clear();
    keptCharacters = 0;
  }
  analyses.set(text, analysis);
  keptCharacters += text.length;
}

/**
 * The analyses kept here, as plain data. The editor checks an opened file in a Web Worker and
 * then validates each edit on the page: handing the worker's analyses to the page
 * (`keepTemplateAnalyses`) spares the first edit of a large file from parsing every template
 * again (half a second for 1,000 steps).
 */
export type TemplateAnalyses = Array<[string, Analysis]>;

export function templateAnalyses(): TemplateAnalyses {
  return [...analyses];
}

/** Keeps analyses made elsewhere (by `templateAnalyses` of the same code). */
export function keepTemplateAnalyses(made: TemplateAnalyses): void {
  for (const [text, analysis] of made) if (!analyses.has(text)) keep(text, analysis);
}

function variablesOf(parsed: ReturnType<Liquid['parse']>): VariableUse[] {
  let globals: ReturnType<typeof analyzeSync>['globals'];
  try {
    globals = analyzeSync(parsed).globals;
  } catch {
    return []; // liquidjs calls its analysis experimental: never fail a valid template on it
  }
  const variables: VariableUse[] = [];
  for (const [root, uses] of Object.entries(globals))
    for (const use of uses)
      variables.push({
        root,
        segments: use.segments.filter((s): s is string | number => typeof s !== 'object'),
        row: use.location.row,
        col: use.location.col,
      });
  return variables;
}

interface UnknownVariable {
  name: string;
  row: number;
  col: number;
}

function unknownVariables(variables: VariableUse[], aliases: Set<string>): UnknownVariable[] {
  const unknown: UnknownVariable[] = [];
  const seen = new Set<string>();
  for (const use of variables) {
    const name = known(use.root, use.segments, aliases);
    if (name === null || seen.has(name)) continue;
    seen.add(name);
    unknown.push({ name, row: use.row, col: use.col });
  }
  return unknown.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** null when the variable is provided, else the part of its name that nothing provides. */
function known(
  root: string,
  segments: Array<string | number>,
  aliases: Set<string>,
): string | null {
  if (aliases.has(root)) return null;
  // Own properties only: a template may name `constructor` or `__proto__`.
  const fields = Object.hasOwn(MERGE_CONTEXT, root) ? MERGE_CONTEXT[root] : undefined;
  if (!fields) return root;
  const first = segments[1];
  if (first === undefined) return null;
  const sub = Object.hasOwn(fields, String(first)) ? fields[String(first)] : undefined;
  if (!sub) return `${root}.${first}`;
  if (sub === true || '*' in sub) return null;
  const second = segments[2];
  if (second === undefined || Object.hasOwn(sub, String(second))) return null;
  return `${root}.${first}.${second}`;
}

/** Why a template's work can't be allowed, and where: "has a loop … (line 3, column 1)". */
function costMessage(text: string, cost: TemplateCost): string {
  const limit = LIMITS.template.work.toLocaleString('en-US');
  const culprit = cost.culprit;
  const steps = Number.isFinite(cost.work)
    ? `about ${cost.work.toLocaleString('en-US')} steps`
    : 'steps without bound';
  if (!culprit)
    return `could take ${steps} to render; a template may take at most ${limit} (each loop turn, each part it runs and each number of a range counts one)`;
  const { line, column } = lineAndColumn(text, culprit.begin);
  const source = culprit.source.length > 60 ? `${culprit.source.slice(0, 57)}...` : culprit.source;
  const at = `${source} (line ${line}, column ${column})`;
  if (culprit.kind === 'unsized')
    return `uses a range whose bounds are not numbers, ${at}: its size can't be known before it runs. Write the numbers (only a loop with "limit: N" may go over such a range)`;
  return culprit.kind === 'unbounded'
    ? `has a loop over a range whose bounds are not numbers, ${at}: its size can't be known before it runs. Write the numbers, or add "limit: N" to the loop`
    : `could take ${steps} to render, from ${at}; a template may take at most ${limit} (each loop turn, each part it runs and each number of a range counts one): loop over fewer items, or add "limit: N"`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
