import {
  FORMAT_V1,
  NODE_TYPES,
  type NodeType,
  type Position,
  type Sequence,
  type Settings,
  validateSequence,
} from '@nudge/schema';
import coldMail from '@nudge/schema/examples/cold-mail.json';
import contractRenewal from '@nudge/schema/examples/contract-renewal.json';
import onboarding from '@nudge/schema/examples/onboarding.json';
import { validSequence } from '@nudge/schema/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addStep } from './add-step.ts';
import { copySteps } from './clipboard.ts';
import { connect } from './connect.ts';
import { defaultData } from './default-data.ts';
import { deleteSteps } from './delete.ts';
import { disconnect } from './disconnect.ts';
import { SEQUENCE_KEYS, STEP_KEYS } from './keys.ts';
import { moveSteps } from './move.ts';
import { duplicateSteps, pasteSteps } from './paste.ts';
import { readClipboard } from './read-clipboard.ts';
import { isRefusal, type Outcome } from './refusal.ts';
import { deepFreeze } from './testing.ts';
import { updateSequence, updateSettings } from './update-sequence.ts';
import { updateStepData } from './update-step.ts';

/*
 * Random runs of commands, with undo, on valid, example and broken documents. Every document
 * is frozen deeply, so a command that changed its input would throw.
 */

/** Problems that say the document left the format's shape: no command may bring one. */
const SHAPE_CODES = new Set([
  'invalid_type',
  'missing_property',
  'unknown_property',
  'duplicate_node_id',
  'duplicate_edge_id',
  'duplicate_branch_id',
  'cycle',
  'edge_into_entry',
  'handle_multiple_edges',
  'unknown_handle',
  'unknown_source',
  'unknown_target',
  'entry_missing',
  'entry_multiple',
  'too_many_nodes',
  'too_many_edges',
  'invalid_text',
]);

/** Of those, the ones about the graph, which read the first step of a repeated id. */
const GRAPH_CODES = new Set([
  'cycle',
  'edge_into_entry',
  'handle_multiple_edges',
  'unknown_handle',
  'entry_missing',
  'entry_multiple',
]);

const shapeCodes = (sequence: unknown) => {
  const { errors, warnings } = validateSequence(sequence);
  return new Set([...errors, ...warnings].map((p) => p.code).filter((c) => SHAPE_CODES.has(c)));
};

// Documents -------------------------------------------------------------------------------

const POOL = ['start', 'a', 'b', 'email-1', 'delay-1', 'e1', '__proto__'];
const safeJson = fc.jsonValue({ maxDepth: 2, stringUnit: 'grapheme-ascii' });
const brokenStep = fc
  .record({
    id: fc.constantFrom(...POOL),
    type: fc.constantFrom<string>(...NODE_TYPES, 'pigeon'),
    position: fc.option(fc.record({ x: fc.integer(), y: fc.integer() }), { nil: undefined }),
    other: fc.constantFrom(...NODE_TYPES),
    junk: safeJson,
    kind: fc.nat(2),
  })
  .map(({ id, type, position, other, junk, kind }) => ({
    id,
    type,
    ...(position ? { position } : {}),
    data:
      kind === 0 && NODE_TYPES.includes(type as NodeType)
        ? defaultData(type as NodeType)
        : kind === 1
          ? defaultData(other)
          : junk,
  }));
const brokenEdge = fc.record(
  {
    id: fc.constantFrom('e1', 'e2', 'e3', 'x'),
    source: fc.constantFrom(...POOL, 'ghost'),
    sourceHandle: fc.constantFrom('yes', 'no', 'met', 'timeout', 'a', 'b'),
    target: fc.constantFrom(...POOL, 'ghost'),
  },
  { requiredKeys: ['id', 'source', 'target'] },
);
const brokenSequence = fc
  .record({
    nodes: fc.array(fc.oneof({ weight: 12, arbitrary: brokenStep }, fc.constant(null)), {
      maxLength: 8,
    }),
    edges: fc.array(brokenEdge, { maxLength: 8 }),
  })
  .map(({ nodes, edges }) => ({ format: FORMAT_V1, name: 'Broken', nodes, edges }));

const examples = [onboarding, coldMail, contractRenewal] as unknown as Sequence[];
const document = fc.oneof(
  { weight: 3, arbitrary: validSequence as fc.Arbitrary<unknown> },
  { weight: 1, arbitrary: fc.constantFrom(...examples) },
  { weight: 2, arbitrary: brokenSequence },
);

// Commands --------------------------------------------------------------------------------

const point = fc.record({
  x: fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.double()),
  y: fc.integer({ min: -2000, max: 2000 }),
});
const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });
const settings = fc.constantFrom<Settings | undefined>(
  undefined,
  { timezone: 'Asia/Seoul' },
  { timezone: 'UTC', holidays: ['KR'], exit: { onReply: true } },
);

const action = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    type: fc.constantFrom(...NODE_TYPES),
    place: fc.constantFrom('after', 'onEdge', 'at'),
    pick: fc.nat(),
    handle: fc.option(fc.nat(3), { nil: undefined }),
    at: fc.option(point, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('connect' as const),
    source: fc.nat(),
    target: fc.nat(),
    handle: fc.option(fc.nat(3), { nil: undefined }),
    replace: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('disconnect' as const), picks }),
  fc.record({ kind: fc.constant('delete' as const), picks }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), variant: fc.nat(2) }),
  fc.record({ kind: fc.constant('settings' as const), settings }),
  fc.record({
    kind: fc.constant('rename' as const),
    name: fc.string({ minLength: 1, maxLength: 20 }),
    description: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('move' as const), picks, to: point }),
  fc.record({ kind: fc.constant('duplicate' as const), picks }),
  fc.record({
    kind: fc.constant('paste' as const),
    picks,
    at: fc.option(point, { nil: undefined }),
    asText: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('paste-file' as const), example: fc.nat(examples.length - 1) }),
  fc.constant({ kind: 'undo' as const }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const idsOf = (items: unknown[]) =>
  items.flatMap((i) => (isObject(i) && typeof i.id === 'string' ? [i.id] : []));
/** An id of the list, or now and then one that is not there. */
const pickId = (ids: string[], n: number) => ids[n % (ids.length + 1)] ?? 'nope';

const SPLIT_RENAMED = {
  branches: [
    { id: 'a', weight: 30 },
    { id: 'c', weight: 70 },
  ],
};

/** Runs one command; `named` are the step ids it was asked about. */
function run(doc: Sequence, a: Exclude<Action, { kind: 'undo' }>) {
  const steps = idsOf(doc.nodes);
  const edges = idsOf(doc.edges);
  const many = (ns: number[]) => ns.map((n) => pickId(steps, n));
  let named: string[] = [];
  let outcome: Outcome<object>;
  let pasted: { edges: number } | undefined;
  switch (a.kind) {
    case 'add': {
      const placement =
        a.place === 'after'
          ? {
              after: pickId(steps, a.pick),
              ...(a.handle === undefined ? {} : { handle: ['yes', 'a', null, 'met'][a.handle] }),
            }
          : a.place === 'onEdge'
            ? { onEdge: pickId(edges, a.pick) }
            : { at: a.at ?? { x: 0, y: 0 } };
      outcome = addStep(doc, a.type, placement, a.at);
      break;
    }
    case 'connect': {
      const handle =
        a.handle === undefined ? {} : { sourceHandle: ['no', 'b', null, 'timeout'][a.handle] };
      named = [pickId(steps, a.source), pickId(steps, a.target)];
      const link = { source: named[0] as string, target: named[1] as string, ...handle };
      outcome = connect(doc, link, { replace: a.replace });
      break;
    }
    case 'disconnect':
      outcome = disconnect(
        doc,
        a.picks.map((n) => pickId(edges, n)),
      );
      break;
    case 'delete':
      named = many(a.picks);
      outcome = deleteSteps(doc, named);
      break;
    case 'update': {
      named = [pickId(steps, a.pick)];
      const step = doc.nodes.find((n) => isObject(n) && n.id === named[0]);
      const known = step && NODE_TYPES.includes(step.type);
      const data =
        !known || a.variant === 1
          ? step?.data
          : a.variant === 2 && step.type === 'split'
            ? SPLIT_RENAMED
            : defaultData(step.type);
      outcome = updateStepData(doc, named[0] as string, data);
      break;
    }
    case 'settings':
      outcome = updateSettings(doc, a.settings);
      break;
    case 'rename':
      outcome = updateSequence(doc, { name: a.name, description: a.description });
      break;
    case 'move':
      named = many(a.picks);
      outcome = moveSteps(
        doc,
        named.map((id) => ({ id, position: a.to as Position })),
      );
      break;
    case 'duplicate':
      outcome = duplicateSteps(doc, many(a.picks));
      break;
    case 'paste': {
      const copied = copySteps(doc, many(a.picks));
      const clipboard = a.asText ? readClipboard(JSON.stringify(copied)) : copied;
      if (isRefusal(clipboard)) return { named, outcome: clipboard };
      outcome = pasteSteps(doc, clipboard, a.at);
      pasted = { edges: clipboard.edges.length };
      break;
    }
    case 'paste-file': {
      // Another sequence's file, pasted whole as text (from another tab, say).
      const clipboard = readClipboard(JSON.stringify(examples[a.example]));
      if (isRefusal(clipboard)) throw new Error(clipboard.message);
      outcome = pasteSteps(doc, clipboard);
      pasted = { edges: clipboard.edges.length };
      break;
    }
  }
  return { named, outcome, pasted };
}

// Checks ----------------------------------------------------------------------------------

const repeats = (ids: string[]) => ids.length - new Set(ids).size;
const firstById = (items: unknown[]) => {
  const map = new Map<string, unknown>();
  for (const item of items)
    if (isObject(item) && typeof item.id === 'string' && !map.has(item.id)) map.set(item.id, item);
  return map;
};
/** Whether the keys the format knows come in its order. */
const inOrder = (object: unknown, order: readonly string[]) => {
  if (!isObject(object)) return true;
  const known = Object.keys(object)
    .map((k) => order.indexOf(k))
    .filter((i) => i >= 0);
  return known.every((k, i) => i === 0 || (known[i - 1] as number) < k);
};

function checkCommand(
  before: Sequence,
  after: Sequence,
  a: Action,
  named: string[],
  allowed: Set<string>,
) {
  // In a file whose step ids repeat, the first step with an id is the one the graph reads;
  // deleting it brings the next forward, with whatever it carries (a second entry, say).
  // It is allowed from then on.
  const revealing = a.kind === 'delete' && allowed.has('duplicate_node_id');
  for (const code of shapeCodes(after))
    if (revealing && GRAPH_CODES.has(code)) allowed.add(code);
    else expect(allowed, `${a.kind} brought ${code}`).toContain(code);
  expect(repeats(idsOf(after.nodes))).toBeLessThanOrEqual(repeats(idsOf(before.nodes)));
  expect(repeats(idsOf(after.edges))).toBeLessThanOrEqual(repeats(idsOf(before.edges)));
  // Ids never change: only a deletion loses any.
  const kept = new Set(idsOf(after.nodes));
  if (a.kind !== 'delete') for (const id of idsOf(before.nodes)) expect(kept).toContain(id);
  // Steps the command was not asked about stay the same objects.
  const old = firstById(before.nodes);
  for (const [id, step] of firstById(after.nodes))
    if (old.has(id) && !named.includes(id)) expect(step).toBe(old.get(id));
  expect(inOrder(after, SEQUENCE_KEYS)).toBe(true);
  for (const step of after.nodes) expect(inOrder(step, STEP_KEYS)).toBe(true);
}

describe('commands, run at random', () => {
  it("never throw or change their input, stay in the format's shape, and undo back exactly", () => {
    fc.assert(
      fc.property(document, fc.array(action, { maxLength: 25 }), (input, actions) => {
        const start = deepFreeze(structuredClone(input) as Sequence);
        // The shape problems the document may have: those it started with.
        const allowed = shapeCodes(start);
        const history: Sequence[] = [start];
        const snapshots: Sequence[] = [structuredClone(start)];
        for (const a of actions) {
          const before = history.at(-1) as Sequence;
          if (a.kind === 'undo') {
            if (history.length > 1) {
              history.pop();
              snapshots.pop();
            }
            continue;
          }
          const { outcome, named, pasted } = run(before, a);
          if (isRefusal(outcome)) {
            expect(outcome.message).not.toBe('');
            continue;
          }
          const after = deepFreeze(outcome.sequence);
          checkCommand(before, after, a, named, allowed);
          if (pasted && allowed.size === 0)
            expect(after.edges.length - before.edges.length).toBe(pasted.edges);
          if (after !== before) {
            history.push(after);
            snapshots.push(structuredClone(after));
          }
        }
        // Undo everything: each document is still exactly what it was when it was made.
        while (history.length > 0) expect(history.pop()).toEqual(snapshots.pop());
        expect(start).toEqual(input);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('paste never repeats an id, however often the same steps are pasted', () => {
    fc.assert(
      fc.property(
        validSequence as fc.Arbitrary<unknown>,
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (input, picks, times) => {
          let sequence = deepFreeze(input as Sequence);
          const ids = idsOf(sequence.nodes);
          const clipboard = copySteps(
            sequence,
            picks.map((n) => pickId(ids, n)),
          );
          for (let i = 0; i < times; i++) {
            const outcome = pasteSteps(sequence, clipboard);
            if (isRefusal(outcome)) {
              expect(outcome.refused).toBe('not_steps');
              expect(clipboard.nodes).toEqual([]);
              return;
            }
            expect(outcome.stepIds).toHaveLength(clipboard.nodes.length);
            expect(outcome.sequence.edges.length - sequence.edges.length).toBe(
              clipboard.edges.length,
            );
            sequence = deepFreeze(outcome.sequence);
          }
          expect(repeats(idsOf(sequence.nodes))).toBe(0);
          expect(repeats(idsOf(sequence.edges))).toBe(0);
          expect(shapeCodes(sequence)).toEqual(new Set());
        },
      ),
      { numRuns: 100 },
    );
  });
});
