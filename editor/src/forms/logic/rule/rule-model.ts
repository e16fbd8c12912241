import { LIMITS } from '@nudge/schema';

/**
 * A RULE (FORMAT.md section 3) as the rule builder shows it: each part typed by its kind, so
 * the views switch on `kind` instead of probing an unknown object. A rule comes from a file
 * and may hold anything: whatever is not exactly one of the format's forms is kept whole as
 * `other` (shown as JSON, edited in the text mode), so that reading and writing back never
 * changes or drops a part the builder can't show. writeRule(readRule(x)) is x for any JSON x.
 */

export type Match = 'all' | 'any';

export interface GroupPart {
  kind: 'group';
  match: Match;
  items: RulePart[];
}

export interface NotPart {
  kind: 'not';
  inner: RulePart;
}

export interface FieldPart {
  kind: 'field';
  field: string;
  /** As written: an operator the format lacks stays, for the validator to name. */
  op: string;
  /** Whether the rule has a `value` at all (`exists` has none). */
  hasValue: boolean;
  value: unknown;
}

export interface EventPart {
  kind: 'event';
  event: string;
  node?: string;
  name?: string;
}

/** Anything else: kept as it is. */
export interface OtherPart {
  kind: 'other';
  raw: unknown;
}

/** No rule at all (an absent goal, a condition without its rule). */
export interface NoPart {
  kind: 'none';
}

export type RulePart = GroupPart | NotPart | FieldPart | EventPart | OtherPart | NoPart;

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const only = (o: Loose, allowed: readonly string[]) =>
  Object.keys(o).every((k) => allowed.includes(k));

/** Deeper than a valid rule may nest, the rest is kept whole: reading stays bounded on junk. */
const MAX_DEPTH = LIMITS.ruleDepth + 1;

export function readRule(raw: unknown, depth = 1): RulePart {
  if (raw === undefined) return { kind: 'none' };
  if (!isObject(raw) || depth > MAX_DEPTH) return { kind: 'other', raw };
  const keys = Object.keys(raw);
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) {
    const match = keys[0];
    const items = raw[match];
    if (Array.isArray(items) && items.length <= LIMITS.rule.groupItems)
      return { kind: 'group', match, items: items.map((item) => readRule(item, depth + 1)) };
    return { kind: 'other', raw };
  }
  if (keys.length === 1 && keys[0] === 'not')
    return { kind: 'not', inner: readRule(raw.not, depth + 1) };
  if (
    typeof raw.field === 'string' &&
    typeof raw.op === 'string' &&
    only(raw, ['field', 'op', 'value'])
  )
    return {
      kind: 'field',
      field: raw.field,
      op: raw.op,
      hasValue: 'value' in raw,
      value: raw.value,
    };
  if (
    typeof raw.event === 'string' &&
    (raw.node === undefined || typeof raw.node === 'string') &&
    (raw.name === undefined || typeof raw.name === 'string') &&
    only(raw, ['event', 'node', 'name'])
  ) {
    const part: EventPart = { kind: 'event', event: raw.event };
    if ('node' in raw) part.node = raw.node as string;
    if ('name' in raw) part.name = raw.name as string;
    return part;
  }
  return { kind: 'other', raw };
}

export function writeRule(part: RulePart): unknown {
  switch (part.kind) {
    case 'none':
      return undefined;
    case 'other':
      return part.raw;
    case 'group':
      return { [part.match]: part.items.map(writeRule) };
    case 'not':
      return { not: writeRule(part.inner) };
    case 'field':
      return part.hasValue
        ? { field: part.field, op: part.op, value: part.value }
        : { field: part.field, op: part.op };
    case 'event': {
      const rule: Loose = { event: part.event };
      if ('node' in part) rule.node = part.node;
      if ('name' in part) rule.name = part.name;
      return rule;
    }
  }
}

/** How deeply a part nests, a single test being 1 (as schema's ruleDepth counts). */
export function partDepth(part: RulePart): number {
  if (part.kind === 'group') return 1 + Math.max(0, ...part.items.map(partDepth));
  if (part.kind === 'not') return 1 + partDepth(part.inner);
  return 1;
}
