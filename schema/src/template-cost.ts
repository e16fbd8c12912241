import { type Template, TokenKind } from 'liquidjs';
import { LIMITS } from './format.ts';

/**
 * How much work a parsed template can do at most, known before it runs: the number of times
 * its loops' bodies run and the elements its ranges make, summed over the template, with
 * nested loops multiplied. Liquid has no recursion and no while loop (and Nudge refuses the
 * tags that read files), so loops and ranges are where work grows; everything else is a
 * constant per node. The runtime's render limits still stop whatever slips through; this
 * refuses, when the sequence is checked, what could only ever fail there.
 *
 * - A range with number bounds, `(1..1000)`, makes its size in elements wherever it appears.
 * - A variable assigned a number counts as that number: `{% assign n = 5 %}` sizes `(1..n)`.
 * - A range with other bounds, `(1..contact.attributes.n)`, can't be sized: a loop over it is
 *   refused unless the loop has a number `limit:` (making the range is still bounded at run
 *   time by memory), and so is such a range anywhere else, where a filter could work through
 *   every item of it.
 * - A loop over a variable runs at most LIMITS.template.dataItems times (contact arrays and
 *   objects hold no more; see LIMITS.contact), or the size of the range assigned to it.
 */
export interface TemplateCost {
  /** Loop iterations and range elements at most; Infinity when some loop can't be bounded. */
  work: number;
  /** The node that makes the template too costly: the outermost loop over the limit. */
  culprit?: Culprit;
}

export interface Culprit {
  /** Offset in the template's text. */
  begin: number;
  /**
   * `unbounded`: a loop over a range whose size can't be known; `unsized`: such a range
   * elsewhere (a filter's, a condition's); `costly`: over the limit.
   */
  kind: 'unbounded' | 'unsized' | 'costly';
  /** The tag as written, for the message: `{% for i in (1..n) %}`. */
  source: string;
}

type Node = Template & Record<string, unknown>;
type Token = { kind?: number; begin?: number; end?: number; input?: string } & Record<
  string,
  unknown
>;

/**
 * What variables hold, as far as work is concerned: `sizes`, the items of a range assigned
 * to one; `numbers`, a number assigned to one (`{% assign n = 5 %}` sizes `(1..n)`). Liquid's
 * assigns are global, so one map serves the whole template.
 */
interface Scope {
  sizes: Map<string, number>;
  numbers: Map<string, number>;
}

const { dataItems, work: LIMIT } = LIMITS.template;

export function templateCost(templates: readonly Template[]): TemplateCost {
  const found: { culprit?: Culprit } = {};
  const work = costOf(templates, { sizes: new Map(), numbers: new Map() }, found);
  return found.culprit ? { work, culprit: found.culprit } : { work };
}

function costOf(templates: readonly Template[], sizes: Scope, found: { culprit?: Culprit }) {
  let total = 0;
  for (const template of templates) total += nodeCost(template as Node, sizes, found);
  return total;
}

function nodeCost(node: Node, sizes: Scope, found: { culprit?: Culprit }): number {
  const loop = node.constructor.name === 'ForTag' || node.constructor.name === 'TablerowTag';
  const skip = new Set(loop ? ['collection'] : []);
  let work = 1 + rangeElements(node, skip, sizes);
  if (!Number.isFinite(work)) blame(found, node, 'unsized');
  else if (work > LIMIT) blame(found, node, 'costly');

  if (node.constructor.name === 'AssignTag' && typeof node.key === 'string') {
    const head = valueHead(node.value);
    const number = numberOf(head, sizes);
    const size = head?.kind === TokenKind.Range ? rangeSize(head, sizes) : undefined;
    if (number === undefined) sizes.numbers.delete(node.key);
    else sizes.numbers.set(node.key, number);
    if (size === undefined) sizes.sizes.delete(node.key);
    else sizes.sizes.set(node.key, size);
  }

  if (loop) {
    const collection = node.collection as Token | undefined;
    const made = collection?.kind === TokenKind.Range ? rangeSize(collection, sizes) : 0;
    let runs = collectionSize(collection, sizes) ?? dataItems;
    const limit = literalLimit(node);
    if (limit !== undefined) runs = Math.min(runs, limit);
    const body = costOf((node.templates as Template[]) ?? [], sizes, found);
    const otherwise = costOf((node.elseTemplates as Template[] | undefined) ?? [], sizes, found);
    // A range of unknown size is made (and bounded by memory) even when `limit:` stops early.
    const loopWork = (Number.isFinite(made) ? made : 0) + runs * (1 + body);
    if (!Number.isFinite(runs)) blame(found, node, 'unbounded');
    else if (loopWork > LIMIT) blame(found, node, 'costly');
    return work + loopWork + otherwise;
  }

  if (Array.isArray(node.branches)) {
    let longest = costOf((node.elseTemplates as Template[] | undefined) ?? [], sizes, found);
    for (const branch of node.branches as Array<Record<string, unknown>>) {
      const conditions = rangeElements(branch, new Set(['templates']), sizes);
      if (!Number.isFinite(conditions)) blame(found, node, 'unsized');
      work += conditions;
      longest = Math.max(longest, costOf((branch.templates as Template[]) ?? [], sizes, found));
    }
    return work + longest;
  }
  if (Array.isArray(node.templates)) work += costOf(node.templates as Template[], sizes, found);
  return work;
}

/**
 * Keeps one culprit: what can't be sized before what is merely over the limit,
 * then the outermost (loops are blamed as they finish, inner ones first) and earliest.
 */
function blame(found: { culprit?: Culprit }, node: Node, kind: Culprit['kind']): void {
  const token = node.token as unknown as Token;
  const begin = token.begin ?? 0;
  const current = found.culprit;
  const wins =
    !current ||
    (kind !== 'costly' && current.kind === 'costly') ||
    (kind === current.kind && begin <= current.begin);
  if (wins) found.culprit = { begin, kind, source: (token.input ?? '').slice(begin, token.end) };
}

/** How many items a loop over `token` takes: a range's size, a variable's known size. */
function collectionSize(token: Token | undefined, scope: Scope): number | undefined {
  if (!token) return undefined;
  if (token.kind === TokenKind.Range) return rangeSize(token, scope);
  const root = variableName(token);
  if (root !== null && scope.sizes.has(root)) return scope.sizes.get(root);
  if (token.kind === TokenKind.Literal || token.kind === TokenKind.Number) return 1;
  return undefined;
}

/** The name of a plain variable (`n`, not `n.size` or `a[0]`), or null. */
function variableName(token: Token | undefined): string | null {
  if (token?.kind !== TokenKind.PropertyAccess || token.variable !== undefined) return null;
  const props = token.props as Array<{ content?: unknown }> | undefined;
  const root = props?.length === 1 ? props[0]?.content : null;
  return typeof root === 'string' ? root : null;
}

/** Elements of a range: its size with known bounds (as liquidjs makes it), else Infinity. */
function rangeSize(range: Token, scope: Scope): number {
  const low = numberOf(range.lhs as Token, scope);
  const high = numberOf(range.rhs as Token, scope);
  if (low === undefined || high === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(0, Math.ceil(high + 1 - low));
}

/** A number written in the template, or a variable a number was assigned to. */
function numberOf(token: Token | undefined, scope?: Scope): number | undefined {
  if (token?.kind === TokenKind.Number && typeof token.content === 'number') return token.content;
  const name = variableName(token);
  return name !== null ? scope?.numbers.get(name) : undefined;
}

/** A number `limit:` of a for or tablerow tag. */
function literalLimit(node: Node): number | undefined {
  const hash = ((node.hash ?? node.args) as { hash?: Record<string, Token> } | undefined)?.hash;
  const limit = hash && Object.hasOwn(hash, 'limit') ? numberOf(hash.limit) : undefined;
  return limit === undefined ? undefined : Math.max(0, limit);
}

/** The first token of an assigned value when it is the whole value (no filters): `(1..9)`. */
function valueHead(value: unknown): Token | undefined {
  const v = value as { filters?: unknown[]; initial?: { postfix?: Token[] } } | undefined;
  const postfix = v?.initial?.postfix;
  return v?.filters?.length === 0 && postfix?.length === 1 ? postfix[0] : undefined;
}

const NOT_EXPRESSIONS = new Set([
  'liquid',
  'tokenizer',
  'token',
  'templates',
  'elseTemplates',
  'branches',
  'input',
  'handler',
]);

/**
 * Elements made by the ranges in a node's expressions (filter arguments, conditions, assigned
 * values), found by walking its tokens: Infinity for a range of unknown size, which a filter
 * could then work through item by item.
 */
function rangeElements(root: object, skip: ReadonlySet<string>, scope: Scope): number {
  let total = 0;
  const seen = new Set<object>();
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 64) continue;
    seen.add(value);
    const token = value as Token;
    if (token.kind === TokenKind.Range) total += rangeSize(token, scope);
    for (const [key, child] of Object.entries(value)) {
      if (NOT_EXPRESSIONS.has(key) || (value === root && skip.has(key))) continue;
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return total;
}
