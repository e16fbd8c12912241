/**
 * fast-check arbitraries of valid sequences, for property tests here and in the runtime.
 * Test-only: exported as `@nudge/schema/testing`, never imported by product code.
 */
import fc from 'fast-check';
import { FORMAT_V1 } from '../format.ts';
import { sourceHandles } from '../handles.ts';
import { NODE_TYPES, type NodeType } from '../nodes.ts';
import { TIME_UNITS, WEEKDAYS } from '../primitives.ts';
import { FIELD_OPS } from '../rule.ts';

/* Arbitraries of valid sequences: every node type, every RULE form, random DAG shapes. */

const plain = fc.string({ maxLength: 30 }).map((s) => s.replace(/[{}%]/g, ''));
const variable = fc.constantFrom(
  '{{고객명}}',
  '{{ 회사명 }}',
  '{{ contact.email }}',
  '{{ owner.name | default: "팀" }}',
  '',
);
/** A variable with no default has words on both sides: one at either end warns. */
const template = fc.tuple(plain, variable, plain).map(([a, v, b]) => {
  const bare = v !== '' && !v.includes('| default');
  const before = bare && a.trim() === '' ? `${a}안녕 ` : a;
  const after = bare && b.trim() === '' ? `${b} 님` : b;
  return `${before}${v}${after}`.trim() || 'Hello';
});
const mode = fc.constantFrom('auto', 'manual');
const email = fc.constantFrom('a@example.com', 'sales.kr@example.co.kr', 'x.y+z@nudge.example');
const path = fc.constantFrom(
  'contact.name',
  'contact.title',
  'contact.tags',
  'contact.attributes.plan',
  'contact.owner.email',
);
const duration = fc.record({
  amount: fc.integer({ min: 1, max: 1000 }),
  unit: fc.constantFrom(...TIME_UNITS),
});

const fieldRule = fc.oneof(
  fc.record({
    field: path,
    op: fc.constantFrom(...FIELD_OPS.filter((o) => o !== 'exists' && o !== 'in')),
    value: fc.oneof(fc.string(), fc.integer()),
  }),
  fc.record({ field: path, op: fc.constant('in'), value: fc.array(fc.string(), { maxLength: 3 }) }),
  fc.record({ field: path, op: fc.constant('exists') }),
);
const eventRule = fc.oneof(
  fc.record({ event: fc.constantFrom('delivered', 'opened', 'clicked', 'replied', 'bounced') }),
  fc.record({ event: fc.constant('custom'), name: fc.string({ minLength: 1, maxLength: 20 }) }),
);
export const { rule } = fc.letrec<{ rule: unknown }>((tie) => ({
  rule: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'rule', withCrossShrink: true },
    fieldRule,
    eventRule,
    fc.record({ all: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('rule') }),
  ),
}));

const splitBranches = fc
  .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 2, maxLength: 5 })
  .chain((ids) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: 100 }), {
        minLength: ids.length - 1,
        maxLength: ids.length - 1,
      })
      .map((cuts) => {
        const points = [0, ...cuts.sort((x, y) => x - y), 100];
        return ids.map((id, i) => ({
          id,
          weight: (points[i + 1] as number) - (points[i] as number),
        }));
      }),
  );

const DATA: Record<Exclude<NodeType, 'entry'>, fc.Arbitrary<unknown>> = {
  email: fc.record(
    {
      subject: template,
      body: template,
      format: fc.constantFrom('html', 'text'),
      mode,
      cc: fc.array(email, { maxLength: 2 }),
    },
    { requiredKeys: ['subject', 'body', 'format', 'mode'] },
  ),
  sms: fc.record({ body: template, mode }),
  kakao: fc.record(
    {
      templateCode: fc.stringMatching(/^[A-Z0-9_]{1,20}$/),
      body: template,
      buttons: fc.array(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 14 }),
          url: fc.constant('https://nudge.example/r?c={{ contact.id }}'),
        }),
        { maxLength: 5 },
      ),
      fallbackSms: template,
      mode,
    },
    { requiredKeys: ['templateCode', 'body', 'mode'] },
  ),
  task: fc.record(
    {
      kind: fc.constantFrom('call', 'todo', 'manual_email', 'other'),
      title: template,
      note: template,
      assignee: fc.oneof(fc.constant('owner'), email),
      waitForCompletion: fc.boolean(),
    },
    { requiredKeys: ['kind', 'title'] },
  ),
  delay: fc.oneof(
    duration,
    fc.record(
      {
        until: fc.record(
          {
            field: fc.constant('contact.attributes.renewal_date'),
            offsetDays: fc.integer({ min: -60, max: 60 }),
            at: fc.constantFrom('00:00', '09:30', '23:59'),
          },
          { requiredKeys: ['field'] },
        ),
        ifPast: fc.constantFrom('continue', 'exit'),
      },
      { requiredKeys: ['until'] },
    ),
  ),
  condition: fc.record({ rule }),
  wait_for: fc.record({ rule, timeout: duration }),
  split: fc.record({ branches: splitBranches }),
  update_contact: fc.oneof(
    fc.record({
      addTags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 10 }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    fc.record({
      set: fc.record({
        'contact.attributes.stage': fc.oneof(
          fc.string(),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
        ),
      }),
    }),
  ),
  exit: fc.oneof(
    fc.constant({}),
    fc.record({ outcome: fc.constantFrom('completed', 'converted') }),
  ),
};

const stepTypes = NODE_TYPES.filter((t): t is Exclude<NodeType, 'entry'> => t !== 'entry');
const step = fc
  .constantFrom(...stepTypes)
  .chain((type) => DATA[type].map((data) => ({ type, data })));

/**
 * A random DAG: node i is attached to a free handle of some node before it, and extra edges
 * only go forward, so the graph is acyclic and every node is reachable from the entry.
 */
export const validSequence = fc
  .record({
    steps: fc.array(step, { minLength: 1, maxLength: 25 }),
    choices: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
    settings: fc.record(
      {
        timezone: fc.constantFrom('Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'UTC'),
        schedule: fc.oneof(
          fc.record({
            days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1 }),
            start: fc.constant('09:00'),
            end: fc.constantFrom('18:00', '24:00'),
          }),
          fc.record({
            days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1 }),
            at: fc.constant('10:30'),
          }),
        ),
        holidays: fc.uniqueArray(fc.constantFrom('KR', 'US', 'JP'), { maxLength: 3 }),
        exit: fc.record({ onReply: fc.boolean(), goal: rule }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ steps, choices, settings }) => {
    let c = 0;
    const choose = (n: number) => (choices[c++ % choices.length] as number) % n;
    const nodes: Array<{ id: string; type: string; data: unknown }> = [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    ];
    const edges: Array<{ id: string; source: string; target: string; sourceHandle?: string }> = [];
    const free: Array<{ node: number; handle: string | null }> = [];
    const addHandles = (index: number) => {
      for (const handle of sourceHandles(nodes[index] as { type: string; data: unknown }))
        free.push({ node: index, handle });
    };
    const connect = (slot: { node: number; handle: string | null }, target: number) => {
      const edge: (typeof edges)[number] = {
        id: `e${edges.length + 1}`,
        source: (nodes[slot.node] as { id: string }).id,
        target: (nodes[target] as { id: string }).id,
      };
      if (slot.handle !== null) edge.sourceHandle = slot.handle;
      edges.push(edge);
    };
    addHandles(0);
    for (const s of steps) {
      if (free.length === 0) break;
      const [slot] = free.splice(choose(free.length), 1);
      nodes.push({ id: `${s.type}-${nodes.length}`, ...s });
      connect(slot as (typeof free)[number], nodes.length - 1);
      addHandles(nodes.length - 1);
    }
    // A few extra forward edges from handles still free.
    for (let k = choose(4); k > 0 && free.length > 0; k--) {
      const [slot] = free.splice(choose(free.length), 1);
      const from = (slot as (typeof free)[number]).node;
      if (from + 1 < nodes.length)
        connect(slot as (typeof free)[number], from + 1 + choose(nodes.length - from - 1));
    }
    return { format: FORMAT_V1, name: 'Random sequence', settings, nodes, edges };
  });
