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
 * - A range with other bounds, `(1..n)`, can't be sized: a loop over it is refused unless the
 *   loop has a number `limit:` (making the range is still bounded at run time by memory).
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
  /** `unbounded`: a loop over a range whose size can't be known; `costly`: over the limit. */
  kind: 'unbounded' | 'costly';
  /** The tag as written, for the message: `{% for i in (1..n) %}`. */
  source: string;
}

type Node = Template & Record<string, unknown>;
type Token = { kind?: number; begin?: number; end?: number; input?: string } & Record<
  string,
  unknown
>;

/** What a variable holds, as far as loops over it are concerned. */
type Sizes = Map<string, number>;

const { dataItems, work: LIMIT } = LIMITS.template;

export function templateCost(templates: readonly Template[]): TemplateCost {
  const found: { culprit?: Culprit } = {};
  const work = costOf(templates, new Map(), found);
  return found.culprit ? { work, culprit: found.culprit } : { work };
}

function costOf(templates: readonly Template[], sizes: Sizes, found: { culprit?: Culprit }) {
  let total = 0;
  for (const template of templates) total += nodeCost(template as Node, sizes, found);
  return total;
}

function nodeCost(node: Node, sizes: Sizes, found: { culprit?: Culprit }): number {
  const loop = node.constructor.name === 'ForTag' || node.constructor.name === 'TablerowTag';
  const skip = new Set(loop ? ['collection'] : []);
  let work = 1 + rangeElements(node, skip);
  if (work > LIMIT) blame(found, node, 'costly');

  if (node.constructor.name === 'AssignTag' && typeof node.key === 'string') {
    const size = collectionSize(valueHead(node.value));
    if (size === undefined) sizes.delete(node.key);
    else sizes.set(node.key, size);
  }

  if (loop) {
    const collection = node.collection as Token | undefined;
    const made = collection?.kind === TokenKind.Range ? rangeSize(collection) : 0;
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
      work += rangeElements(branch, new Set(['templates']));
      longest = Math.max(longest, costOf((branch.templates as Template[]) ?? [], sizes, found));
    }
    return work + longest;
  }
  if (Array.isArray(node.templates)) work += costOf(node.templates as Template[], sizes, found);
  return work;
}

/**
 * Keeps one culprit: a loop that can't be bounded before one that is merely over the limit,
 * then the outermost (loops are blamed as they finish, inner ones first) and earliest.
 */
function blame(found: { culprit?: Culprit }, node: Node, kind: Culprit['kind']): void {
  const token = node.token as unknown as Token;
  const begin = token.begin ?? 0;
  const current = found.culprit;
  const wins =
    !current ||
    (kind === 'unbounded' && current.kind === 'costly') ||
    (kind === current.kind && begin <= current.begin);
  if (wins) found.culprit = { begin, kind, source: (token.input ?? '').slice(begin, token.end) };
}

/** How many items a loop over `token` takes: a range's size, a variable's known size. */
function collectionSize(token: Token | undefined, sizes?: Sizes): number | undefined {
  if (!token) return undefined;
  if (token.kind === TokenKind.Range) return rangeSize(token);
  if (token.kind === TokenKind.PropertyAccess && sizes) {
    const props = token.props as Array<{ content?: unknown }> | undefined;
    const root = token.variable === undefined && props?.length === 1 ? props[0]?.content : null;
    if (typeof root === 'string' && sizes.has(root)) return sizes.get(root);
  }
  if (token.kind === TokenKind.Literal || token.kind === TokenKind.Number) return 1;
  return undefined;
}

/** Elements of a range: its size with number bounds (as liquidjs makes it), else Infinity. */
function rangeSize(range: Token): number {
  const low = numberOf(range.lhs as Token);
  const high = numberOf(range.rhs as Token);
  if (low === undefined || high === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(0, Math.ceil(high + 1 - low));
}

function numberOf(token: Token | undefined): number | undefined {
  return token?.kind === TokenKind.Number && typeof token.content === 'number'
    ? token.content
    : undefined;
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
 * values), found by walking its tokens. A range of unknown size counts nothing here: outside
 * a loop it is bounded by the memory limit, and a loop over one is judged by the loop.
 */
function rangeElements(root: object, skip: ReadonlySet<string>): number {
  let total = 0;
  const seen = new Set<object>();
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 64) continue;
    seen.add(value);
    const token = value as Token;
    if (token.kind === TokenKind.Range) {
      const size = rangeSize(token);
      if (Number.isFinite(size)) total += size;
    }
    for (const [key, child] of Object.entries(value)) {
      if (NOT_EXPRESSIONS.has(key) || (value === root && skip.has(key))) continue;
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return total;
}
