import {
  analyzeSync,
  type Liquid,
  type Output,
  type Template,
  TokenKind,
  TypeGuards,
} from 'liquidjs';
import { advertisingProblems } from './advertising.ts';
import { templateFields } from './fields.ts';
import { LIMITS } from './format.ts';
import { createLiquid, liquidMessage } from './liquid.ts';
import { type Problem, pointerOf } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';
import { BUILTIN_VARIABLES } from './settings.ts';
import { type TemplateCost, templateCost } from './template-cost.ts';
import { utf8Length } from './text.ts';

/**
 * Template checks: every Liquid template parses with the engine the runtime uses, stays
 * under the size limit, and names only merge variables that something provides; a subject
 * or a text message does not start or end with a variable that may render empty.
 */

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What each root of the merge context offers (FORMAT.md section 5); `*` takes any key. The
 * editor completes merge variables from it, so it offers what this check accepts.
 */
export const MERGE_CONTEXT: Record<string, true | Record<string, true | Record<string, true>>> = {
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
  // The message's own unsubscribe link, in emails (the worker signs it per message).
  unsubscribe_url: true,
};

let engine: Liquid | undefined;
const liquid = () => {
  engine ??= createLiquid();
  return engine;
};

export function templateProblems(input: Loose): Problem[] {
  const problems: Problem[] = [];
  const aliases = new Set(Object.keys(BUILTIN_VARIABLES));
  const paths: Record<string, string> = { ...BUILTIN_VARIABLES };
  const settings = input.settings;
  if (isObject(settings) && isObject(settings.variables))
    for (const [name, path] of Object.entries(settings.variables))
      if (!Object.hasOwn(MERGE_CONTEXT, name)) {
        aliases.add(name);
        if (typeof path === 'string') paths[name] = path;
      }

  const nodes = Array.isArray(input.nodes) ? input.nodes : [];
  nodes.forEach((node: unknown, index) => {
    if (!isObject(node)) return;
    const ids = typeof node.id === 'string' ? { nodeId: node.id } : {};
    problems.push(...advertisingProblems(node, index, settings));
    for (const field of templateFields(node)) {
      const pointer = pointerOf('nodes', index, ...field.path);
      const where = field.path.slice(1).join('.');
      const bytes = utf8Length(field.text);
      if (bytes > LIMITS.templateBytes) {
        problems.push({
          severity: 'error',
          ...problemWith('template_too_large', {
            field: where,
            bytes: String(bytes),
            limit: String(LIMITS.templateBytes),
          }),
          pointer,
          ...ids,
        });
        continue;
      }
      const analysis = analyze(field.text);
      if ('error' in analysis) {
        problems.push({
          severity: 'error',
          ...problemWith('liquid_syntax', { field: where, error: analysis.error }),
          pointer,
          ...ids,
        });
        continue;
      }
      if (analysis.cost.work > LIMITS.template.work) {
        problems.push({
          severity: 'error',
          ...problemWith('template_too_costly', {
            field: where,
            ...costParams(field.text, analysis.cost),
          }),
          pointer,
          ...ids,
        });
        continue;
      }
      const email = node.type === 'email';
      for (const unknown of unknownVariables(analysis.variables, aliases, email))
        problems.push({
          severity: 'warning',
          ...problemWith('unknown_variable', {
            field: where,
            name: unknown.name,
            line: String(unknown.row),
            column: String(unknown.col),
          }),
          pointer,
          ...ids,
        });
      if (analysis.bareEnds.length > 0 && showsEnds(node.type, field.path))
        for (const bare of analysis.bareEnds) {
          const [root = '', ...rest] = bare.variable;
          // An unknown variable is always empty, and warned of above: its fix is another name.
          if (known(String(root), bare.variable, aliases) !== null) continue;
          const path = [Object.hasOwn(paths, root) ? paths[root] : root, ...rest].join('.');
          if (ALWAYS_SET.has(path)) continue;
          const fix = suggestedDefault(path, bare.rest);
          problems.push({
            severity: 'warning',
            ...problemWith('variable_without_default', {
              field: where,
              at: bare.at,
              output: `{{ ${bare.output} }}`,
              gets: bare.rest,
              fix,
            }),
            pointer,
            ...ids,
          });
        }
    }
  });
  return problems;
}

/**
 * The texts whose first and last words a contact sees first, where a variable that renders
 * empty leaves the words around it alone ("님, 안녕하세요"): an email's subject, an SMS, an
 * AlimTalk message and its fallback SMS. Email bodies, task texts and links are not checked.
 */
const ENDS_SHOWN: Record<string, readonly string[]> = {
  email: ['subject'],
  sms: ['body'],
  kakao: ['body', 'fallbackSms'],
};

function showsEnds(type: unknown, path: Array<string | number>): boolean {
  if (typeof type !== 'string' || !Object.hasOwn(ENDS_SHOWN, type) || path.length !== 2)
    return false;
  return ENDS_SHOWN[type]?.includes(String(path[1])) ?? false;
}

/** Variables every render has: a stored contact always has an id, a sequence its name, an email its link. */
const ALWAYS_SET: ReadonlySet<string> = new Set(['contact.id', 'sequence.name', 'unsubscribe_url']);

/** A word to suggest as the default, for the usual variables in Korean words around them. */
const KOREAN_DEFAULTS: Record<string, string> = {
  'contact.name': '고객',
  'contact.company': '귀사',
  'contact.owner.name': '담당자',
  'owner.name': '담당자',
};

function suggestedDefault(path: string, words: string): string {
  const word = Object.hasOwn(KOREAN_DEFAULTS, path) ? KOREAN_DEFAULTS[path] : undefined;
  return word && /[\uAC00-\uD7A3]/.test(words) ? word : '…';
}

interface VariableUse {
  root: string;
  segments: Array<string | number>;
  row: number;
  col: number;
}

/**
 * An output that stands first or last in a template (whitespace aside), names a variable and
 * has no `default` filter: when the variable is empty, the text starts or ends with what was
 * around it ("님, 안녕하세요").
 */
interface BareEnd {
  at: 'start' | 'end' | 'only';
  /** The output as written between its braces, trimmed: `고객명`, `contact.name | upcase`. */
  output: string;
  /** The first variable it names, root first: ['고객명'], ['contact', 'name']. */
  variable: Array<string | number>;
  /** The rest of the template, trimmed, spaces collapsed, shortened: what is left without it. */
  rest: string;
}

type Analysis =
  | { error: string }
  | { variables: VariableUse[]; cost: TemplateCost; bareEnds: BareEnd[] };

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
    const variables = variablesOf(parsed);
    analysis = {
      variables,
      cost: templateCost(parsed),
      bareEnds: bareEnds(text, parsed, variables),
    };
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

/** Most characters of the rest of a template quoted in a message. */
const REST_SHOWN = 40;

/**
 * The outputs at either end of a template that may render empty: they name a variable of
 * the merge context (not one the template assigns before, and not only literals, like
 * `{{ "x" }}`) and no filter of theirs is `default`.
 */
function bareEnds(text: string, parsed: Template[], variables: VariableUse[]): BareEnd[] {
  const blank = (t: Template) =>
    t.token.kind === TokenKind.HTML && text.slice(t.token.begin, t.token.end).trim() === '';
  const first = parsed.find((t) => !blank(t));
  const last = parsed.findLast((t) => !blank(t));
  const ends: BareEnd[] = [];
  for (const [at, template] of [
    ['start', first],
    ['end', last],
  ] as const) {
    // A template that is one output is checked once, as its start.
    if (!template || (at === 'end' && template === first)) continue;
    const variable = bareVariable(text, template, variables);
    if (variable === null) continue;
    const { begin, end } = template.token;
    const rest = (text.slice(0, begin) + text.slice(end)).trim().replace(/\s+/g, ' ');
    ends.push({
      at: template === first && template === last ? 'only' : at,
      output: TypeGuards.isOutputToken(template.token) ? template.token.content.trim() : '',
      variable,
      rest: shorten(rest, at === 'start' ? 'start' : 'end'),
    });
  }
  return ends;
}

/** At most REST_SHOWN characters of `text`, kept from its start or its end, never half a pair. */
function shorten(text: string, keep: 'start' | 'end'): string {
  if (text.length <= REST_SHOWN) return text;
  if (keep === 'start') {
    const cut = isHighSurrogate(text, REST_SHOWN - 1) ? REST_SHOWN - 1 : REST_SHOWN;
    return `${text.slice(0, cut)}…`;
  }
  const from = text.length - REST_SHOWN;
  return `…${text.slice(isHighSurrogate(text, from - 1) ? from + 1 : from)}`;
}

const isHighSurrogate = (text: string, index: number) => {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
};

/** The variable an output with no default renders, or null when it has a default or none. */
function bareVariable(
  text: string,
  template: Template,
  variables: VariableUse[],
): Array<string | number> | null {
  if (template.token.kind !== TokenKind.Output) return null;
  const { value } = template as Template & Partial<Pick<Output, 'value'>>;
  if (!value || value.filters.some((f) => f.name === 'default')) return null;
  // The uses of merge-context variables in the value before its filters (`{{ "x" | append:
  // name }}` is never empty); analyzeSync leaves out the variables the template assigned.
  const { begin } = template.token;
  const end = Math.max(...value.initial.postfix.map((token) => token.end));
  const lines = lineStarts(text);
  let first: { offset: number; segments: Array<string | number> } | null = null;
  for (const use of variables) {
    const offset = (lines[use.row - 1] ?? Number.POSITIVE_INFINITY) + use.col - 1;
    if (offset >= begin && offset < end && (!first || offset < first.offset))
      first = { offset, segments: use.segments };
  }
  return first?.segments ?? null;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

interface UnknownVariable {
  name: string;
  row: number;
  col: number;
}

function unknownVariables(
  variables: VariableUse[],
  aliases: Set<string>,
  email: boolean,
): UnknownVariable[] {
  const unknown: UnknownVariable[] = [];
  const seen = new Set<string>();
  for (const use of variables) {
    // Only an email's link is signed in: anywhere else it would stay the marker.
    const name =
      use.root === 'unsubscribe_url' && !email ? use.root : known(use.root, use.segments, aliases);
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
  // A value, not an object (unsubscribe_url): nothing below it.
  if (fields === true) return first === undefined ? null : `${root}.${first}`;
  if (first === undefined) return null;
  const sub = Object.hasOwn(fields, String(first)) ? fields[String(first)] : undefined;
  if (!sub) return `${root}.${first}`;
  if (sub === true || '*' in sub) return null;
  const second = segments[2];
  if (second === undefined || Object.hasOwn(sub, String(second))) return null;
  return `${root}.${first}.${second}`;
}

/** Why a template's work can't be allowed, and where, as the message's params. */
function costParams(text: string, cost: TemplateCost): Record<string, string> {
  const limit = String(LIMITS.template.work);
  const work = Number.isFinite(cost.work) ? String(cost.work) : 'unbounded';
  const culprit = cost.culprit;
  if (!culprit) return { kind: 'total', work, limit };
  const { line, column } = lineAndColumn(text, culprit.begin);
  const source = culprit.source.length > 60 ? `${culprit.source.slice(0, 57)}...` : culprit.source;
  const at = { source, line: String(line), column: String(column) };
  if (culprit.kind === 'unsized') return { kind: 'unsized', ...at };
  return culprit.kind === 'unbounded'
    ? { kind: 'unbounded', ...at }
    : { kind: 'loop', work, limit, ...at };
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
