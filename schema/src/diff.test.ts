import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differences, diffSequences, sameJson } from './diff.ts';
import type { Sequence } from './sequence.ts';
import { validSequence } from './testing/sequences.ts';
import { writeSequence } from './write.ts';

const coldMail = (): Sequence =>
  JSON.parse(readFileSync(new URL('../examples/cold-mail.json', import.meta.url), 'utf8'));

// biome-ignore lint/suspicious/noExplicitAny: sequences edited by path in the tests
type Loose = Record<string, any>;

describe('diffSequences', () => {
  it('finds nothing between a sequence and itself written in another key order', () => {
    const a = coldMail();
    const b = JSON.parse(writeSequence(a));
    // Another key order at the top and in a node: still the same sequence.
    const reordered = { edges: b.edges, nodes: b.nodes, ...b };
    const diff = diffSequences(a, reordered);
    expect(diff).toEqual({
      equal: true,
      name: null,
      description: null,
      settings: [],
      steps: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [], rewired: [] },
      other: [],
    });
  });

  it('lists steps added, removed and changed, with the fields as pointers into the step', () => {
    const before = coldMail();
    const after = coldMail() as Loose;
    after.name = 'Cold mail, shorter';
    after.settings.timezone = 'UTC';
    after.settings.exit.onReply = false;
    after.nodes[1].data.subject = 'Hello {{고객명}}';
    after.nodes[2].position.x = 300; // wait-3d moved only
    after.nodes[3].type = 'sms'; // guide becomes an SMS
    after.nodes[3].data = { body: 'Guide: https://nudge.example/guide', mode: 'auto' };
    // offer removed: wait-6d goes to a new call task instead.
    after.nodes = after.nodes.filter((n: Loose) => n.id !== 'offer');
    after.nodes.push({
      id: 'call-1',
      type: 'task',
      data: { kind: 'call', title: 'Call {{고객명}}' },
    });
    after.edges = after.edges.filter((e: Loose) => e.id !== 'e6');
    after.edges[4].target = 'call-1';
    after.edges.push({ id: 'e7', source: 'call-1', target: 'check-engagement' });

    const diff = diffSequences(before, after as Sequence);
    expect(diff.equal).toBe(false);
    expect(diff.name).toEqual({ before: before.name, after: 'Cold mail, shorter' });
    expect(diff.description).toBeNull();
    expect(diff.settings).toEqual(['/timezone', '/exit/onReply']);
    expect(diff.steps.added).toEqual([{ id: 'call-1', type: 'task' }]);
    expect(diff.steps.removed).toEqual([{ id: 'offer', type: 'email' }]);
    expect(diff.steps.changed).toEqual([
      { id: 'welcome', type: 'email', fields: ['/data/subject'], positionOnly: false },
      { id: 'wait-3d', type: 'delay', fields: ['/position/x'], positionOnly: true },
      {
        id: 'guide',
        type: 'sms',
        typeBefore: 'email',
        fields: ['/type', '/data/subject', '/data/body', '/data/format'],
        positionOnly: false,
      },
    ]);
    expect(diff.edges).toEqual({
      added: [{ id: 'e7', source: 'call-1', target: 'check-engagement' }],
      removed: [{ id: 'e6', source: 'offer', target: 'check-engagement' }],
      rewired: [
        {
          before: { id: 'e5', source: 'wait-6d', target: 'offer' },
          after: { id: 'e5', source: 'wait-6d', target: 'call-1' },
        },
      ],
    });
    expect(diff.other).toEqual([]);
  });

  it('reads an edge drawn again from the same handle as rewired, and a new id alone as other', () => {
    const base: Loose = {
      format: 'nudge.sequence/v1',
      name: 'Branch',
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        { id: 'check', type: 'condition', data: { rule: { event: 'opened' } } },
        { id: 'a', type: 'exit', data: {} },
        { id: 'b', type: 'exit', data: {} },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'check' },
        { id: 'e2', source: 'check', sourceHandle: 'yes', target: 'a' },
        { id: 'e3', source: 'check', sourceHandle: 'no', target: 'b' },
      ],
    };
    const after = structuredClone(base);
    after.edges[1] = { id: 'yes-again', source: 'check', sourceHandle: 'yes', target: 'b' };
    after.edges[2] = { id: 'no-again', source: 'check', sourceHandle: 'no', target: 'b' };
    const diff = diffSequences(base as Sequence, after as Sequence);
    expect(diff.edges).toEqual({
      added: [],
      removed: [],
      rewired: [
        {
          before: { id: 'e2', source: 'check', sourceHandle: 'yes', target: 'a' },
          after: { id: 'yes-again', source: 'check', sourceHandle: 'yes', target: 'b' },
        },
      ],
    });
    expect(diff.other).toEqual(['/edges/1/id', '/edges/2/id']);
  });

  it('names the differences it has no list for: format, id, unknown keys', () => {
    const a = coldMail() as Loose;
    const b = { ...coldMail(), id: 'other', format: 'nudge.sequence/v2', extra: 1 } as Loose;
    b.edges[0].label = 'first';
    const diff = diffSequences(a as Sequence, b as Sequence);
    expect(diff.other).toEqual(['/format', '/id', '/extra', '/edges/0/label']);
    expect(diff.edges.rewired).toEqual([]);
  });

  it('tells no settings from empty ones only as a whole', () => {
    const a = { ...coldMail(), settings: undefined } as Loose;
    const b = { ...coldMail(), settings: {} } as Loose;
    expect(diffSequences(a as Sequence, b as Sequence).settings).toEqual(['']);
    const c = { ...coldMail(), settings: { timezone: 'UTC' } } as Loose;
    expect(diffSequences(a as Sequence, c as Sequence).settings).toEqual(['/timezone']);
  });

  it('never throws on files that are not sequences, and still says they differ', () => {
    const odd: Loose[] = [
      {},
      { nodes: 'x', edges: [1, null] },
      { nodes: [{ id: 'a' }, { id: 'a', type: 'exit' }] },
      { nodes: [{ id: 'a' }, { id: 'a', type: 'sms' }] },
    ];
    for (const a of odd)
      for (const b of odd) {
        const diff = diffSequences(a as Sequence, b as Sequence);
        expect(diff.equal).toBe(a === b);
        if (a !== b) expect(JSON.stringify(diff)).not.toBe('{}');
      }
    // Two nodes of one id (an invalid file): only the first is compared, the rest is ''.
    const diff = diffSequences(odd[2] as Sequence, odd[3] as Sequence);
    expect(diff.other).toEqual(['']);
  });

  it('is equal exactly when the canonical texts are, and then lists nothing', () => {
    const pair = validSequence.chain((a) =>
      fc.oneof(
        fc.constant([a, structuredClone(a)] as const),
        fc.tuple(fc.constant(a), validSequence),
        fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([i, value]) => {
          const b = structuredClone(a) as Loose;
          const node = b.nodes[i % b.nodes.length];
          node.data = { ...node.data, note: value };
          return [a, b] as const;
        }),
      ),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const diff = diffSequences(a as Sequence, b as Sequence);
        const same = writeSequence(a) === writeSequence(b);
        expect(diff.equal).toBe(same);
        const count =
          Object.values(diff.steps).flat().length +
          Object.values(diff.edges).flat().length +
          diff.settings.length +
          diff.other.length +
          (diff.name ? 1 : 0) +
          (diff.description ? 1 : 0);
        expect(count === 0).toBe(same);
        const ids = (s: unknown) => new Set((s as Loose).nodes.map((n: Loose) => n.id));
        const [before, after] = [ids(a), ids(b)];
        expect(diff.steps.added.map((s) => s.id)).toEqual(
          [...after].filter((id) => !before.has(id)),
        );
        expect(diff.steps.removed.map((s) => s.id)).toEqual(
          [...before].filter((id) => !after.has(id)),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('differences and sameJson', () => {
  it('point into objects by key and into arrays of one length by index', () => {
    expect(differences({ a: [1, 2], b: { 'c/d': 1 } }, { a: [1, 3], b: { 'c/d': 2 } })).toEqual([
      '/a/1',
      '/b/c~1d',
    ]);
    expect(differences({ a: [1] }, { a: [1, 2] })).toEqual(['/a']);
    expect(differences({ a: 1 }, { a: 1, b: undefined })).toEqual([]);
    expect(differences(1, '1', '/x')).toEqual(['/x']);
    expect(sameJson({ a: 1, b: [{ c: 2 }] }, { b: [{ c: 2 }], a: 1 })).toBe(true);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
