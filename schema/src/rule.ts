import { Type } from '@sinclair/typebox';
import { annotated, annotation, ERROR_ANNOTATION } from './discriminated.ts';
import { LIMITS } from './format.ts';
import { NodeId, Path, StringEnum } from './primitives.ts';

/**
 * RULE (FORMAT.md section 3): a test of the contact's fields and of the events of the
 * enrollment, combined with all/any/not. Conditions, wait_for, event triggers and the
 * goal exit all use it.
 */
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | FieldRule | EventRule;

export const FIELD_OPS = [
  'eq',
  'neq',
  'contains',
  'in',
  'exists',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;
export type FieldOp = (typeof FIELD_OPS)[number];

export interface FieldRule {
  field: string;
  op: FieldOp;
  value?: unknown;
}

export const RULE_EVENTS = [
  'delivered',
  'opened',
  'clicked',
  'replied',
  'bounced',
  'custom',
] as const;
export type RuleEvent = (typeof RULE_EVENTS)[number];

export interface EventRule {
  event: RuleEvent;
  /** Narrows the event to the message sent at this node. */
  node?: string;
  /** The name of a custom event. */
  name?: string;
}

/** Where the rule definition lives in the emitted schema. */
export const RULE_REF = '#/$defs/rule';

/** A reference to RULE, for use inside other schemas. */
export const RuleRef = Type.Unsafe<Rule>({ $ref: RULE_REF });

const ruleKinds = ['all', 'any', 'not', 'field', 'event'] as const;

const ordering = ['gt', 'gte', 'lt', 'lte'];

const FieldRuleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['field', 'op'],
  properties: {
    field: Path,
    op: StringEnum(FIELD_OPS, 'a comparison: eq, neq, contains, in, exists, gt, gte, lt or lte'),
    value: {
      type: ['string', 'number', 'boolean', 'null', 'array', 'object'],
      maxLength: LIMITS.rule.valueChars,
      maxItems: LIMITS.rule.listItems,
      description: `the value to compare with; absent for exists, an array for in (at most ${LIMITS.rule.listItems} items; strings of at most ${LIMITS.rule.valueChars} characters)`,
    },
  },
  allOf: [
    {
      if: { required: ['op'], properties: { op: { const: 'exists' } } },
      then: annotated(Type.Unsafe({ not: { required: ['value'] } }), {
        code: 'invalid_value',
        kind: 'exists_value',
      }),
    },
    {
      if: { required: ['op'], properties: { op: { not: { const: 'exists' } } } },
      then: { required: ['value'] },
    },
    {
      if: { required: ['op'], properties: { op: { const: 'in' } } },
      then: { properties: { value: { type: 'array' } } },
    },
    {
      if: { required: ['op'], properties: { op: { enum: ordering } } },
      then: {
        properties: {
          value: annotated(Type.Unsafe({ type: ['number', 'string'] }), {
            code: 'invalid_value',
            kind: 'compare_value',
          }),
        },
      },
    },
  ],
};

const EventRuleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['event'],
  properties: {
    event: StringEnum(
      RULE_EVENTS,
      'an event: delivered, opened, clicked, replied, bounced or custom',
    ),
    node: { ...NodeId, description: 'the node whose message the event must concern' },
    name: Type.String({ minLength: 1, maxLength: 100, description: 'the name of a custom event' }),
  },
  allOf: [
    {
      if: { required: ['event'], properties: { event: { const: 'custom' } } },
      then: { required: ['name'] },
    },
    {
      if: { required: ['event'], properties: { event: { not: { const: 'custom' } } } },
      then: annotated(Type.Unsafe({ not: { required: ['name'] } }), {
        code: 'invalid_value',
        kind: 'event_name',
      }),
    },
  ],
};

const list = (kind: 'all' | 'any') => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    [kind]: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.rule.groupItems,
      items: { $ref: RULE_REF },
    },
  },
});

/** The RULE definition, emitted once under `$defs` and referenced everywhere. */
export const RuleDefinition = {
  description:
    'RULE: {"all": [RULE...]}, {"any": [RULE...]}, {"not": RULE}, {"field": PATH, "op": ..., "value": ...} or {"event": ..., "node"?: ..., "name"?: ...}',
  type: 'object',
  allOf: [
    {
      anyOf: ruleKinds.map((k) => ({ required: [k] })),
      [ERROR_ANNOTATION]: annotation({ code: 'invalid_rule', kind: 'rule_kind' }),
    },
    { if: { required: ['all'] }, then: list('all') },
    { if: { required: ['any'] }, then: list('any') },
    {
      if: { required: ['not'] },
      then: {
        type: 'object',
        additionalProperties: false,
        properties: { not: { $ref: RULE_REF } },
      },
    },
    { if: { required: ['field'] }, then: FieldRuleSchema },
    { if: { required: ['event'] }, then: EventRuleSchema },
  ],
};

/** How deeply `rule` nests: a single predicate is 1. Iterative, so any input is safe. */
export function ruleDepth(rule: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[rule, 1]];
  while (stack.length > 0) {
    const [r, depth] = stack.pop() as [unknown, number];
    if (typeof r !== 'object' || r === null) continue;
    deepest = Math.max(deepest, depth);
    const o = r as Record<string, unknown>;
    for (const k of ['all', 'any'] as const) {
      const items = o[k];
      if (Array.isArray(items)) for (const item of items) stack.push([item, depth + 1]);
    }
    if ('not' in o) stack.push([o.not, depth + 1]);
  }
  return deepest;
}

/**
 * How large `rule` is: `parts` counts its tests and all/any/not groups, `values` the values
 * it compares with (each item of a list, each property of an object, each scalar). Iterative,
 * so any input is safe; it stops counting past the limits.
 */
export function ruleSize(rule: unknown): { parts: number; values: number } {
  let parts = 0;
  let values = 0;
  const stack: unknown[] = [rule];
  while (stack.length > 0 && parts <= LIMITS.rule.parts && values <= LIMITS.rule.values) {
    const r = stack.pop();
    // Whatever stands where a test or a group goes counts as one, valid or not: a list of
    // 20,000 numbers is no small RULE (and the schema validator's work grows with it).
    parts += 1;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) continue;
    const o = r as Record<string, unknown>;
    for (const k of ['all', 'any'] as const) {
      const items = o[k];
      if (Array.isArray(items)) stack.push(...items.slice(0, LIMITS.rule.parts + 1));
    }
    if ('not' in o) stack.push(o.not);
    if ('value' in o) values += valueCount(o.value, LIMITS.rule.values + 1 - values);
  }
  return { parts, values };
}

/** The scalars and members in a JSON value, counted up to `max`. */
function valueCount(value: unknown, max: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count < max) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v.slice(0, max));
    else if (typeof v === 'object' && v !== null) stack.push(...Object.values(v).slice(0, max));
    else count += 1;
  }
  return count;
}

/** Calls `visit` for every event predicate in `rule`, with its pointer relative to the rule. */
export function eachEventRule(
  rule: unknown,
  visit: (event: Record<string, unknown>, path: Array<string | number>) => void,
): void {
  const stack: Array<[unknown, Array<string | number>]> = [[rule, []]];
  while (stack.length > 0) {
    const [r, path] = stack.pop() as [unknown, Array<string | number>];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) continue;
    const o = r as Record<string, unknown>;
    if (typeof o.event === 'string') visit(o, path);
    for (const k of ['all', 'any'] as const) {
      const items = o[k];
      if (Array.isArray(items))
        for (const [i, item] of items.entries()) stack.push([item, [...path, k, i]]);
    }
    if ('not' in o) stack.push([o.not, [...path, 'not']]);
  }
}
