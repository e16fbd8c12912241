import { FIELD_OPS, LIMITS, RULE_EVENTS } from '@nudge/schema';
import fc from 'fast-check';

/**
 * Valid RULEs of every form the format has, up to its limits: every contact path, attribute
 * paths of 1 to 5 keys (Korean ones too), every operator with values of the types it takes,
 * events with and without a step, custom events, groups and "not" nested to LIMITS.ruleDepth.
 * Test-only.
 */

const key = fc.oneof(
  fc.constantFrom('plan', 'renewal_date', '계약일', 'seats', 'tier-2'),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/),
);
export const path = fc.oneof(
  fc.constantFrom(
    ...[
      'id',
      'email',
      'phone',
      'name',
      'company',
      'title',
      'timezone',
      'locale',
      'unsubscribed',
      'tags',
      'owner.name',
      'owner.email',
      'owner.phone',
    ].map((f) => `contact.${f}`),
  ),
  fc
    .array(key, { minLength: 1, maxLength: LIMITS.rule.attributeKeys })
    .map((keys) => `contact.attributes.${keys.join('.')}`),
);

const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-03-01', '2026-12-31T09:00:00Z', '고객'),
);
const ordered = fc.oneof(fc.integer(), fc.constantFrom('2026-03-01', '2025-01-01T00:00'));

const fieldRule = fc.oneof(
  fc.record({
    field: path,
    op: fc.constantFrom(
      ...FIELD_OPS.filter((o) => !['exists', 'in', 'gt', 'gte', 'lt', 'lte'].includes(o)),
    ),
    value: scalar,
  }),
  fc.record({ field: path, op: fc.constantFrom('gt', 'gte', 'lt', 'lte'), value: ordered }),
  fc.record({ field: path, op: fc.constant('in'), value: fc.array(scalar, { maxLength: 5 }) }),
  fc.record({ field: path, op: fc.constant('exists') }),
);

const nodeId = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const eventRule = fc.oneof(
  fc.record(
    { event: fc.constantFrom(...RULE_EVENTS.filter((e) => e !== 'custom')), node: nodeId },
    { requiredKeys: ['event'] },
  ),
  fc.record(
    {
      event: fc.constant('custom'),
      name: fc.string({ minLength: 1, maxLength: 20 }),
      node: nodeId,
    },
    { requiredKeys: ['event', 'name'] },
  ),
);

const leaf = fc.oneof(fieldRule, eventRule);

/** A rule whose top sits at `depth` (1 at the top): groups and "not" stop at the limit. */
function ruleAt(depth: number): fc.Arbitrary<unknown> {
  if (depth >= LIMITS.ruleDepth) return leaf;
  const inner = ruleAt(depth + 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.record({ all: fc.array(inner, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ any: fc.array(inner, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ not: inner }) },
  );
}

export const validRule = ruleAt(1);

/** Event rules name steps: a sequence holding the rule, with an email step for each name. */
export function sequenceWith(rule: unknown) {
  const named = new Set<string>();
  JSON.stringify(rule, (k, v) => {
    if (k === 'node' && typeof v === 'string') named.add(v);
    return v;
  });
  const mails = [...named].map((id) => ({
    id,
    type: 'email',
    data: { subject: 'Hi', body: 'Hello', format: 'text', mode: 'auto' },
  }));
  const ids = ['start', ...mails.map((m) => m.id)];
  return {
    format: 'nudge.sequence/v1',
    name: 'Rules',
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      ...mails,
      { id: 'check', type: 'condition', data: { rule } },
    ],
    edges: [...ids, 'check'].slice(1).map((target, i) => ({
      id: `e${i}`,
      source: ids[i] as string,
      target,
    })),
  };
}
