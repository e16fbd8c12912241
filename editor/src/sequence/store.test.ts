import { LIMITS, type Problem } from '@nudge/schema';
import coldMail from '@nudge/schema/examples/cold-mail.json';
import onboarding from '@nudge/schema/examples/onboarding.json';
// The broken-file corpus of the schema package (it exports only the examples).
import duplicateEdge from '@nudge/schema/fixtures/invalid/duplicate-edge-id.json';
import duplicateNode from '@nudge/schema/fixtures/invalid/duplicate-node-id.json';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, openExample } from './examples.ts';
import { openFile } from './open-file.ts';
import { createSequenceStore } from './store.ts';

/** A file's bytes, as a picked or dropped file gives them. */
const utf8 = (text: string) => new TextEncoder().encode(text);

const broken = {
  format: 'nudge.sequence/v1',
  name: 'Broken',
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    { id: 'wait', type: 'delay', data: { amount: 2, unit: 'fortnights' } },
    { id: 'orphan', type: 'sms', data: { body: 'hi', mode: 'auto' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'wait' },
    { id: 'e2', source: 'wait', target: 'ghost' },
  ],
};

describe('opening a file', () => {
  it('shows a valid sequence with no problems', () => {
    const store = createSequenceStore();
    store.getState().openBytes('onboarding.json', utf8(JSON.stringify(onboarding)));
    const s = store.getState();
    expect(s).toMatchObject({
      fileName: 'onboarding.json',
      loadError: null,
      errors: [],
      warnings: [],
    });
    expect(s.nodes).toHaveLength(onboarding.nodes.length);
    expect(s.edges).toHaveLength(onboarding.edges.length);
    expect(s.openCount).toBe(1);
  });

  it('shows an invalid sequence with its problems, marking the steps they name', () => {
    const store = createSequenceStore();
    store.getState().openBytes('broken.json', utf8(JSON.stringify(broken)));
    const s = store.getState();
    expect(s.errors.map((p) => [p.code, p.nodeId ?? p.edgeId])).toEqual(
      expect.arrayContaining([
        ['invalid_value', 'wait'],
        ['unreachable', 'orphan'],
        ['unknown_target', 'e2'],
      ]),
    );
    expect(s.nodes.map((n) => n.id)).toEqual(['start', 'wait', 'orphan']);
    expect(s.edges.map((e) => e.id)).toEqual(['e1']);
    expect(s.nodes.find((n) => n.id === 'wait')?.data.problems.errors).toHaveLength(1);
  });

  it('says where a file stops being JSON, and closes what was open', () => {
    const store = createSequenceStore();
    store.getState().openBytes('a.json', utf8(JSON.stringify(onboarding)));
    store.getState().openBytes('b.json', utf8('{\n  "name": "x",\n  nodes: []\n}'));
    const s = store.getState();
    expect(s.loadError).toEqual({
      kind: 'not_json',
      syntax: {
        line: 3,
        column: 3,
        offset: 19,
        found: 'n',
        message: 'expected a property name in double quotes but found "n"',
      },
    });
    expect(s).toMatchObject({ fileName: 'b.json', file: null, nodes: [], edges: [], errors: [] });
  });

  it('reads bytes as the CLI does: UTF-16 with a byte order mark, and refuses what is not text', () => {
    const store = createSequenceStore();
    const text = JSON.stringify(onboarding);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    store.getState().openBytes('windows.json', utf16);
    expect(store.getState().nodes).toHaveLength(onboarding.nodes.length);
    expect(store.getState().errors).toEqual([]);
    store.getState().openBytes('binary.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0xc3]));
    expect(store.getState().loadError).toEqual({ kind: 'not_text' });
  });

  it('reports a JSON value that is not a sequence as a problem, not a crash', () => {
    const store = createSequenceStore();
    for (const text of ['[1, 2, 3]', '"text"', '42', 'null']) {
      store.getState().openBytes('list.json', utf8(text));
      expect(store.getState().errors.map((p) => p.code)).toEqual(['not_an_object']);
      expect(store.getState()).toMatchObject({
        file: null,
        loadError: null,
        fileName: 'list.json',
        notDrawn: { kind: 'not_a_sequence' },
      });
    }
  });

  describe('a file refused at a limit (read no further by the validator)', () => {
    const sequence = (nodes: unknown[], edges: unknown[] = [], extra = {}) => ({
      format: 'nudge.sequence/v1',
      name: 'huge',
      nodes,
      edges,
      ...extra,
    });
    const sms = (i: number) => ({ id: `n${i}`, type: 'sms', data: { body: 'hi', mode: 'auto' } });
    // Distinct links between few enough steps that dagre lays them out: this froze the page.
    const dense: unknown[] = [];
    for (let i = 0; i < 300 && dense.length <= LIMITS.edges; i++)
      for (let j = i + 1; j < 300 && dense.length <= LIMITS.edges; j++)
        dense.push({ id: `e${i}-${j}`, source: `n${i}`, target: `n${j}` });
    const deep = `${'{"a":'.repeat(LIMITS.jsonDepth + 1)}1${'}'.repeat(LIMITS.jsonDepth + 1)}`;

    it.each([
      {
        code: 'too_many_nodes',
        value: sequence(Array.from({ length: 100_000 }, (_, i) => sms(i))),
        count: 100_000,
      },
      {
        code: 'too_many_edges',
        value: sequence(
          Array.from({ length: 300 }, (_, i) => sms(i)),
          dense,
        ),
        count: LIMITS.edges + 1,
      },
      {
        code: 'too_many_properties',
        value: sequence([sms(0)], [], {
          settings: {
            variables: Object.fromEntries(
              Array.from({ length: 5000 }, (_, i) => [`v${i}`, 'contact.name']),
            ),
          },
        }),
      },
      { code: 'too_deep', value: sequence([sms(0)], [], { description: JSON.parse(deep) }) },
    ])('$code: is not drawn, and says why', ({ code, value, count }) => {
      const store = createSequenceStore();
      const started = performance.now();
      store.getState().openValue('huge.json', value);
      expect(performance.now() - started).toBeLessThan(2000);
      const s = store.getState();
      expect(s.errors.map((p) => p.code)).toContain(code);
      expect(s.notDrawn).toEqual({ kind: 'refused', code, ...(count ? { count } : {}) });
      expect(s.nodes).toEqual([]);
      expect(s.edges).toEqual([]);
    });

    it('too_deep before parsing: is not drawn either', () => {
      const store = createSequenceStore();
      store.getState().openBytes('deep.json', utf8(deep));
      expect(store.getState().notDrawn).toEqual({ kind: 'refused', code: 'too_deep' });
      expect(store.getState().loadError).toBeNull();
    });

    it('a valid file is drawn', () => {
      const store = createSequenceStore();
      store.getState().openValue('onboarding.json', onboarding);
      expect(store.getState().notDrawn).toBeNull();
    });
  });

  it('refuses files over the size limit before reading them', async () => {
    const store = createSequenceStore();
    const big = new File([new Uint8Array(LIMITS.fileBytes + 1)], 'big.json');
    big.arrayBuffer = () => Promise.reject(new Error('a refused file must not be read'));
    await openFile(big, store);
    expect(store.getState().loadError).toEqual({ kind: 'too_large', bytes: LIMITS.fileBytes + 1 });
    await openFile(new File([JSON.stringify(coldMail)], 'cold-mail.json'), store);
    expect(store.getState()).toMatchObject({ loadError: null, fileName: 'cold-mail.json' });
  });

  it('has the size limit of the CLI and the API, counted in bytes', () => {
    const store = createSequenceStore();
    // Just over 5 MiB (the editor's old limit): the CLI and the API read it, so the editor does.
    const padded = (bytes: number, text = JSON.stringify(coldMail)) =>
      utf8(text + ' '.repeat(bytes - utf8(text).length));
    store.getState().openBytes('5mib.json', padded(5 * 1024 * 1024 + 1));
    expect(store.getState()).toMatchObject({ loadError: null, errors: [] });
    expect(store.getState().nodes).toHaveLength(coldMail.nodes.length);
    store.getState().openBytes('16mib.json', padded(LIMITS.fileBytes));
    expect(store.getState()).toMatchObject({ loadError: null, errors: [] });
    store.getState().openBytes('over.json', padded(LIMITS.fileBytes + 1));
    expect(store.getState().loadError).toEqual({ kind: 'too_large', bytes: LIMITS.fileBytes + 1 });
  });

  it('draws a file whose ids are names of Object.prototype, and leaves the prototype alone', () => {
    const before = Object.getOwnPropertyNames(Object.prototype);
    const ids = ['start', '__proto__', 'constructor', 'toString'];
    const file = {
      format: 'nudge.sequence/v1',
      name: 'Prototype names',
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        { id: '__proto__', type: 'sms', data: { body: 'a', mode: 'auto' } },
        { id: 'constructor', type: 'sms', data: { body: 'b', mode: 'auto' } },
        { id: 'toString', type: 'exit', data: {} },
      ],
      edges: ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i], target: id })),
    };
    const store = createSequenceStore();
    try {
      // As text, the way a file is read: JSON.parse makes "__proto__" an own property.
      store.getState().openBytes('proto.json', utf8(JSON.stringify(file)));
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
      const s = store.getState();
      expect(s.errors).toEqual([]);
      expect(s.nodes.map((n) => n.id)).toEqual(ids);
      expect(s.edges.map((e) => [e.source, e.target])).toEqual(
        file.edges.map((e) => [e.source, e.target]),
      );
      const ys = s.nodes.map((n) => n.position.y);
      expect(new Set(ys).size).toBe(ids.length);
      store.getState().tidyUp();
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
    } finally {
      for (const key of Object.getOwnPropertyNames(Object.prototype))
        if (!before.includes(key)) delete (Object.prototype as Record<string, unknown>)[key];
    }
  });

  it('opens a copy of each bundled example', () => {
    const store = createSequenceStore();
    for (const example of EXAMPLES) {
      openExample(example, store);
      expect(store.getState()).toMatchObject({ fileName: example.fileName, errors: [] });
      expect(store.getState().file).not.toBe(example.sequence);
    }
  });
});

describe('selecting a problem', () => {
  it('selects the node it names, and only that, and asks the canvas to show it', () => {
    const store = createSequenceStore();
    store.getState().openValue('broken.json', broken);
    const problem = store.getState().errors.find((p) => p.nodeId === 'orphan');
    expect(problem && store.getState().selectProblem(problem)).toBe(true);
    const s = store.getState();
    expect(s.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['orphan']);
    expect(s.focus).toEqual({ kind: 'node', id: 'orphan', request: 1 });

    const other = s.errors.find((p) => p.nodeId === 'wait');
    if (other) store.getState().selectProblem(other);
    expect(
      store
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(['wait']);
    expect(store.getState().focus?.request).toBe(2);
  });

  it('selects an edge the problem names, or the step an undrawable edge leaves', () => {
    const store = createSequenceStore();
    const file = structuredClone(broken);
    file.edges.push({ id: 'e1', source: 'start', target: 'orphan' });
    store.getState().openValue('dup.json', file);
    const duplicate = store.getState().errors.find((p) => p.code === 'duplicate_edge_id');
    expect(duplicate && store.getState().selectProblem(duplicate)).toBe(true);
    // The edge at the problem's pointer (/edges/2), drawn under an id of its own.
    expect(
      store
        .getState()
        .edges.filter((e) => e.selected)
        .map((e) => e.id),
    ).toEqual(['e1#2']);
    expect(store.getState().focus).toMatchObject({ kind: 'edge', id: 'e1#2' });

    // e2 points at a node that does not exist, so it is not drawn: its source is selected.
    const missing = store.getState().errors.find((p) => p.edgeId === 'e2');
    expect(missing && store.getState().selectProblem(missing)).toBe(true);
    expect(store.getState().focus).toMatchObject({ kind: 'node', id: 'wait' });
    expect(
      store
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(['wait']);

    const nowhere = { ...(missing as Problem), edgeId: 'e99', pointer: '/edges/99/target' };
    expect(store.getState().selectProblem(nowhere)).toBe(false);
  });
});

describe('duplicate ids', () => {
  const selectedIds = (items: Array<{ id: string; selected?: boolean }>) =>
    items.filter((i) => i.selected).map((i) => i.id);

  it('draws a node whose id is taken, and its problem selects that node, not the first', () => {
    const store = createSequenceStore();
    store.getState().openValue('duplicate-node-id.json', structuredClone(duplicateNode));
    const s = store.getState();
    expect(s.nodes.map((n) => n.id)).toEqual([
      ...duplicateNode.nodes.slice(0, 7).map((n) => n.id),
      'wait#7',
    ]);
    const copy = s.nodes.find((n) => n.id === 'wait#7');
    expect(copy?.data.step).toMatchObject({ id: 'wait', index: 7, data: { unit: 'hours' } });
    expect(copy?.data.problems.errors).toHaveLength(1);
    expect(s.nodes.find((n) => n.id === 'wait')?.data.problems.errors).toEqual([]);
    // Edges into "wait" lead to the first node with that id, as the validator reads them.
    expect(s.edges.find((e) => e.id === 'e2')?.target).toBe('wait');

    const problem = s.errors.find((p) => p.code === 'duplicate_node_id') as Problem;
    expect(problem).toMatchObject({ nodeId: 'wait', pointer: '/nodes/7/id' });
    expect(store.getState().selectProblem(problem)).toBe(true);
    expect(selectedIds(store.getState().nodes)).toEqual(['wait#7']);
    expect(store.getState().focus).toMatchObject({ kind: 'node', id: 'wait#7' });

    // Moving the copy moves the node at its index in the file, not the first "wait".
    store
      .getState()
      .changeNodes([{ type: 'position', id: 'wait#7', position: { x: 5, y: 6 }, dragging: false }]);
    const saved = store.getState().file?.nodes as Array<{ position?: unknown }>;
    expect(saved[7]?.position).toEqual({ x: 5, y: 6 });
    expect(saved[2]?.position).toBeUndefined();
  });

  it('draws an edge whose id is taken, and its problem selects that edge', () => {
    const store = createSequenceStore();
    store.getState().openValue('duplicate-edge-id.json', duplicateEdge);
    const s = store.getState();
    expect(s.edges.map((e) => [e.id, e.source, e.target])).toEqual([
      ...duplicateEdge.edges.slice(0, 5).map((e) => [e.id, e.source, e.target]),
      ['e5#5', 'followup', 'done'],
    ]);
    expect(s.edges.find((e) => e.id === 'e5#5')?.data?.problems.errors).toHaveLength(1);
    expect(s.edges.find((e) => e.id === 'e5')?.data?.problems.errors).toEqual([]);
    const problem = s.errors.find((p) => p.code === 'duplicate_edge_id') as Problem;
    expect(store.getState().selectProblem(problem)).toBe(true);
    expect(selectedIds(store.getState().edges)).toEqual(['e5#5']);
    expect(selectedIds(store.getState().nodes)).toEqual([]);
  });

  it('never gives a copy the id of another node', () => {
    const store = createSequenceStore();
    const exit = (id: string) => ({ id, type: 'exit', data: {} });
    // "a#2" is not a valid id, but the canvas draws what it can of invalid files.
    store.getState().openValue('odd.json', { nodes: [exit('a#2'), exit('a'), exit('a')] });
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['a#2', 'a', 'a#2#']);
  });
});

describe('selecting a cycle', () => {
  it('selects the edge that closes it (the problem names only that edge)', () => {
    const store = createSequenceStore();
    const file = structuredClone(broken);
    file.nodes.push({ id: 'loop', type: 'sms', data: { body: 'again', mode: 'auto' } });
    file.edges.push(
      { id: 'e3', source: 'wait', target: 'loop' },
      { id: 'e4', source: 'loop', target: 'wait' },
    );
    store.getState().openValue('cycle.json', file);
    const cycle = store.getState().errors.find((p) => p.code === 'cycle');
    expect(cycle).toMatchObject({ edgeId: 'e4', pointer: '/edges/3' });
    expect(cycle?.nodeId).toBeUndefined();
    expect(cycle && store.getState().selectProblem(cycle)).toBe(true);
    expect(store.getState().focus).toMatchObject({ kind: 'edge', id: cycle?.edgeId });
    expect(store.getState().nodes.some((n) => n.selected)).toBe(false);
  });
});

describe('arranging steps', () => {
  it('writes a position back to the file when a drag ends', () => {
    const store = createSequenceStore();
    store.getState().openValue('onboarding.json', structuredClone(onboarding));
    const { changeNodes } = store.getState();
    changeNodes([{ type: 'position', id: 'tips', position: { x: 10.4, y: 20.6 }, dragging: true }]);
    const during = store.getState().file?.nodes as Array<{ id: string; position?: unknown }>;
    expect(during.find((n) => n.id === 'tips')?.position).toBeUndefined();
    changeNodes([
      { type: 'position', id: 'tips', position: { x: 10.4, y: 20.6 }, dragging: false },
    ]);
    const after = store.getState().file?.nodes as Array<{ id: string; position?: unknown }>;
    expect(after.find((n) => n.id === 'tips')?.position).toEqual({ x: 10, y: 21 });
    // The canvas follows the document, where positions are whole pixels.
    expect(store.getState().nodes.find((n) => n.id === 'tips')?.position).toEqual({
      x: 10,
      y: 21,
    });
  });

  it('tidies every step into a fresh layout and keeps it in the file', () => {
    const store = createSequenceStore();
    const scrambled = structuredClone(coldMail);
    for (const n of scrambled.nodes) n.position = { x: 0, y: 0 };
    store.getState().openValue('cold-mail.json', scrambled);
    store.getState().tidyUp();
    const ys = store.getState().nodes.map((n) => n.position.y);
    expect(new Set(ys).size).toBe(scrambled.nodes.length);
    const saved = store.getState().file?.nodes as Array<{ position: { y: number } }>;
    expect(saved.map((n) => n.position.y)).toEqual(ys.map(Math.round));
  });
});

describe('handles before and after a step is drawn', () => {
  it('gives steps the places of their handles until React Flow measures them, then drops them', () => {
    const store = createSequenceStore();
    store.getState().openValue('onboarding.json', structuredClone(onboarding));
    const [first, second] = store.getState().nodes;
    expect(first?.handles?.length).toBeGreaterThan(0);
    store.getState().changeNodes([
      {
        type: 'dimensions',
        id: first?.id as string,
        dimensions: { width: 260, height: 90 },
        setAttributes: false,
      },
    ]);
    const after = store.getState().nodes;
    expect(after[0]?.handles).toBeUndefined();
    expect(after[0]?.measured).toEqual({ width: 260, height: 90 });
    // Steps not yet drawn keep theirs, the very objects.
    expect(after[1]).toBe(second);
  });
});
