import { Type } from '@sinclair/typebox';
import { annotated, ERROR_ANNOTATION } from './discriminated.ts';
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
    value: { description: 'the value to compare with; absent for exists, an array for in' },
  },
  allOf: [
    {
      if: { required: ['op'], properties: { op: { const: 'exists' } } },
      then: annotated(Type.Unsafe({ not: { required: ['value'] } }), {
        code: 'invalid_value',
        message: 'the "exists" comparison takes no value (use {"not": RULE} for "does not exist")',
      }),
    },
    {
      if: { required: ['op'], properties: { op: { not: { const: 'exists' } } } },
      then: { required: ['value'] },
    },
    {
      if: { required: ['op'], properties: { op: { const: 'in' } } },
      then: { properties: { value: { type: 'array', maxItems: 1000 } } },
    },
    {
      if: { required: ['op'], properties: { op: { enum: ordering } } },
      then: {
        properties: {
          value: annotated(Type.Unsafe({ type: ['number', 'string'] }), {
            code: 'invalid_value',
            message: 'gt, gte, lt and lte compare with a number or a date string',
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
        message: '"name" is only for custom events',
      }),
    },
  ],
};

const list = (kind: 'all' | 'any') => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    [kind]: { type: 'array', minItems: 1, maxItems: 100, items: { $ref: RULE_REF } },
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
      [ERROR_ANNOTATION]: {
        code: 'invalid_rule',
        message: 'a RULE needs one of "all", "any", "not", "field" or "event"',
      },
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
