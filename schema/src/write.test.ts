import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validSequence } from './testing/sequences.ts';
import { writeSequence } from './write.ts';

const examples = new URL('../examples/', import.meta.url);
const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.json'));
const read = (name: string) => JSON.parse(readFileSync(new URL(name, examples), 'utf8'));

/** The keys of every object in the written text, in the order written, by where it is. */
const keysAt = (text: string, path: Array<string | number>): string[] => {
  let value: unknown = JSON.parse(text);
  for (const step of path) value = (value as Record<string | number, unknown>)[step];
  return Object.keys(value as object);
};

/** The same JSON value with every object's keys in another order, drawn from `choices`. */
function shuffled(value: unknown, choices: number[]): unknown {
  let c = 0;
  const next = () => choices[c++ % choices.length] ?? 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
    }
    const out: Record<string, unknown> = {};
    for (const key of keys)
      Object.defineProperty(out, key, {
        value: walk((v as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  };
  return walk(value);
}

describe('writeSequence', () => {
  it('writes the format order with two spaces and one final newline', () => {
    const text = writeSequence({
      edges: [{ target: 'b', sourceHandle: 'yes', id: 'e1', source: 'a' }],
      nodes: [
        {
          data: { triggers: [{ kind: 'manual' }] },
          position: { y: 2, x: 1 },
          type: 'entry',
          id: 'a',
        },
      ],
      settings: { timezone: 'Asia/Seoul' },
      name: 'N',
      id: 'n',
      format: 'nudge.sequence/v1',
      description: 'd',
    });
    expect(text).toBe(
      `{
  "format": "nudge.sequence/v1",
  "id": "n",
  "name": "N",
  "description": "d",
  "settings": {
    "timezone": "Asia/Seoul"
  },
  "nodes": [
    {
      "id": "a",
      "type": "entry",
      "position": {
        "x": 1,
        "y": 2
      },
      "data": {
        "triggers": [
          {
            "kind": "manual"
          }
        ]
      }
    }
  ],
  "edges": [
    {
      "id": "e1",
      "source": "a",
      "sourceHandle": "yes",
      "target": "b"
    }
  ]
}
`,
    );
    // Empty objects and arrays as JSON.stringify writes them.
    expect(writeSequence({ nodes: [], settings: {} })).toBe(
      '{\n  "settings": {},\n  "nodes": []\n}\n',
    );
  });

  it("orders each node type's data as its schema does, nested objects and RULEs too", () => {
    const node = (type: string, data: Record<string, unknown>) =>
      writeSequence({ nodes: [{ data: shuffled(data, [1, 2, 3, 5, 7]), type, id: 'x' }] });
    const expectKeys = (text: string, path: Array<string | number>, keys: string[]) =>
      expect(keysAt(text, ['nodes', 0, 'data', ...path])).toEqual(keys);

    const email = node('email', {
      bcc: [],
      cc: [],
      replyTo: 'a@b.example',
      from: { email: 'a@b.example', name: 'A' },
      mode: 'auto',
      format: 'text',
      body: 'b',
      subject: 's',
    });
    expectKeys(email, [], ['subject', 'body', 'format', 'mode', 'from', 'replyTo', 'cc', 'bcc']);
    expectKeys(email, ['from'], ['name', 'email']);
    expectKeys(node('sms', { mode: 'auto', body: 'b' }), [], ['body', 'mode']);
    const kakao = node('kakao', {
      mode: 'auto',
      fallbackSms: 'f',
      buttons: [{ url: 'u', name: 'n' }],
      body: 'b',
      templateCode: 'T',
    });
    expectKeys(kakao, [], ['templateCode', 'body', 'buttons', 'fallbackSms', 'mode']);
    expectKeys(kakao, ['buttons', 0], ['name', 'url']);
    expectKeys(
      node('task', {
        waitForCompletion: true,
        assignee: 'owner',
        note: 'n',
        title: 't',
        kind: 'call',
      }),
      [],
      ['kind', 'title', 'note', 'assignee', 'waitForCompletion'],
    );
    expectKeys(node('delay', { unit: 'days', amount: 1 }), [], ['amount', 'unit']);
    const until = node('delay', {
      ifPast: 'exit',
      until: { at: '09:00', offsetDays: 1, field: 'f' },
    });
    expectKeys(until, [], ['until', 'ifPast']);
    expectKeys(until, ['until'], ['field', 'offsetDays', 'at']);
    const rule = {
      any: [
        { value: 1, op: 'eq', field: 'contact.name' },
        { name: 'n', node: 'x', event: 'custom' },
        { not: { all: [{ op: 'exists', field: 'contact.tags' }] } },
      ],
    };
    const wait = node('wait_for', { timeout: { unit: 'days', amount: 2 }, rule });
    expectKeys(wait, [], ['rule', 'timeout']);
    expectKeys(wait, ['timeout'], ['amount', 'unit']);
    expectKeys(wait, ['rule', 'any', 0], ['field', 'op', 'value']);
    expectKeys(wait, ['rule', 'any', 1], ['event', 'node', 'name']);
    expectKeys(wait, ['rule', 'any', 2, 'not', 'all', 0], ['field', 'op']);
    const split = node('split', { branches: [{ weight: 50, id: 'a' }] });
    expectKeys(split, ['branches', 0], ['id', 'weight']);
    expectKeys(
      node('update_contact', {
        removeTags: ['a'],
        addTags: ['b'],
        set: { 'contact.b': 1, 'contact.a': 2 },
      }),
      [],
      ['set', 'addTags', 'removeTags'],
    );
    const entry = node('entry', {
      triggers: [
        { where: { op: 'eq', value: 1, field: 'contact.name' }, name: 'status', kind: 'event' },
        { segment: 's', kind: 'segment' },
      ],
    });
    expectKeys(entry, ['triggers', 0], ['kind', 'name', 'where']);
    expectKeys(entry, ['triggers', 0, 'where'], ['field', 'op', 'value']);
    expectKeys(entry, ['triggers', 1], ['kind', 'segment']);
    expectKeys(node('exit', { outcome: 'converted' }), [], ['outcome']);
  });

  it('orders the settings as settings.ts does, and keeps maps in their own order', () => {
    const settings = {
      variables: { 플랜: 'contact.attributes.plan', 고객: 'contact.name' },
      tracking: { clicks: true, opens: false },
      enrollment: { exclusiveGroup: null, allowReenroll: true },
      exit: {
        goal: { value: 'x', op: 'eq', field: 'contact.title' },
        onClick: true,
        onOpen: true,
        onBounce: true,
        onReply: false,
      },
      sender: { replyTo: 'r@b.example', email: 'a@b.example', name: 'A' },
      holidays: ['KR'],
      schedule: { end: '18:00', start: '09:00', days: ['mon'] },
      useContactTimezone: false,
      timezone: 'UTC',
    };
    const text = writeSequence({ settings });
    expect(keysAt(text, ['settings'])).toEqual([
      'timezone',
      'useContactTimezone',
      'schedule',
      'holidays',
      'sender',
      'exit',
      'enrollment',
      'tracking',
      'variables',
    ]);
    expect(keysAt(text, ['settings', 'schedule'])).toEqual(['days', 'start', 'end']);
    expect(
      keysAt(writeSequence({ settings: { schedule: { at: '10:00', days: [] } } }), [
        'settings',
        'schedule',
      ]),
    ).toEqual(['days', 'at']);
    expect(keysAt(text, ['settings', 'sender'])).toEqual(['name', 'email', 'replyTo']);
    expect(keysAt(text, ['settings', 'exit'])).toEqual([
      'onReply',
      'onBounce',
      'onOpen',
      'onClick',
      'goal',
    ]);
    expect(keysAt(text, ['settings', 'exit', 'goal'])).toEqual(['field', 'op', 'value']);
    expect(keysAt(text, ['settings', 'enrollment'])).toEqual(['allowReenroll', 'exclusiveGroup']);
    expect(keysAt(text, ['settings', 'tracking'])).toEqual(['opens', 'clicks']);
    // A map keeps the order it came in; so does a RULE's value.
    expect(keysAt(text, ['settings', 'variables'])).toEqual(['플랜', '고객']);
    const value = writeSequence({
      nodes: [
        {
          id: 'c',
          type: 'condition',
          data: { rule: { field: 'contact.attributes.x', op: 'eq', value: { z: 1, a: 2 } } },
        },
      ],
    });
    expect(keysAt(value, ['nodes', 0, 'data', 'rule', 'value'])).toEqual(['z', 'a']);
  });

  it('keeps unknown keys after the known ones, in the order they came, at every level', () => {
    const text = writeSequence({
      zeta: 1,
      nodes: [
        {
          extra: true,
          id: 'a',
          type: 'sms',
          data: { later: 1, mode: 'auto', earlier: 2, body: 'b' },
        },
      ],
      format: 'nudge.sequence/v1',
      alpha: { b: 1, a: 2 },
      edges: [{ label: 'x', target: 'b', id: 'e' }],
    });
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['format', 'nodes', 'edges', 'zeta', 'alpha']);
    expect(Object.keys(parsed.nodes[0])).toEqual(['id', 'type', 'data', 'extra']);
    expect(Object.keys(parsed.nodes[0].data)).toEqual(['body', 'mode', 'later', 'earlier']);
    expect(Object.keys(parsed.edges[0])).toEqual(['id', 'target', 'label']);
    expect(Object.keys(parsed.alpha)).toEqual(['b', 'a']);

    // A key named __proto__ in parsed JSON is an own property: written like any other.
    const proto = JSON.parse('{"name": "x", "__proto__": {"a": 1}}');
    expect(writeSequence(proto)).toBe('{\n  "name": "x",\n  "__proto__": {\n    "a": 1\n  }\n}\n');
    // A node of a type the format does not know keeps its data's order.
    expect(
      keysAt(writeSequence({ nodes: [{ id: 'a', type: 'fax', data: { z: 1, a: 2 } }] }), [
        'nodes',
        0,
        'data',
      ]),
    ).toEqual(['z', 'a']);
  });

  it('writes values as JSON.stringify does: undefined left out, NaN as null, toJSON called', () => {
    const text = writeSequence({
      name: 'x',
      description: undefined,
      nodes: [undefined, Number.NaN, () => 1],
      when: new Date(Date.UTC(2026, 0, 2)),
    });
    expect(JSON.parse(text)).toEqual({
      name: 'x',
      nodes: [null, null, null],
      when: '2026-01-02T00:00:00.000Z',
    });
    expect(writeSequence('text')).toBe('"text"\n');
    const loop: Record<string, unknown> = { name: 'x' };
    loop.self = loop;
    expect(() => writeSequence(loop)).toThrow(TypeError);
  });

  it.each(exampleFiles)('writes %s back to the same value, and again to the same text', (name) => {
    const value = read(name);
    const text = writeSequence(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(writeSequence(JSON.parse(text))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toMatch(/\n\n|\t| \n/);
  });

  // Any JSON value, a sequence or not: what a broken file holds must survive the writer too.
  const anyFile = fc.oneof(
    validSequence.chain((sequence) =>
      fc
        .tuple(
          fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        )
        .map(([choices, extra]) => shuffled({ ...extra, ...sequence }, choices)),
    ),
    fc.jsonValue({ maxDepth: 4 }),
  );
  const asParsed = (value: unknown) => JSON.parse(JSON.stringify(value) ?? 'null');

  it('loses nothing: the text parses back to an equal value', () => {
    fc.assert(
      fc.property(anyFile, (file) => {
        const value = asParsed(file);
        expect(JSON.parse(writeSequence(value))).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent through JSON.parse: export → import → export is byte-identical', () => {
    fc.assert(
      fc.property(anyFile, (file) => {
        const text = writeSequence(file);
        const again = writeSequence(JSON.parse(text));
        expect(again).toBe(text);
        expect(writeSequence(JSON.parse(again))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('gives one text for a sequence however its keys were ordered', () => {
    fc.assert(
      fc.property(
        validSequence,
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        (sequence, choices) => {
          expect(writeSequence(shuffled(sequence, choices))).toBe(writeSequence(sequence));
        },
      ),
      { numRuns: 200 },
    );
  });
});
