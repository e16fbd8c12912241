import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMAT_V1, LIMITS } from './format.ts';
import { PROBLEM_CODES, type Problem, pointerTokens } from './problem.ts';
import { keepTemplateAnalyses, templateAnalyses } from './templates.ts';
import { validateSequence } from './validate.ts';

const dir = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));
/** The data of the node at `index`, to change it in place. */
function dataOf(file: Record<string, unknown>, index: number): Record<string, unknown> {
  const node = (file.nodes as Array<{ data: Record<string, unknown> }>)[index];
  if (!node) throw new Error(`no node at ${index}`);
  return node.data;
}

const jsonFiles = (path: string) =>
  readdirSync(dir(path))
    .filter((f) => f.endsWith('.json'))
    .sort();

/** What the pointer designates in `file`, or undefined when nothing is there. */
function resolve(file: unknown, pointer: string): unknown {
  let value = file;
  for (const token of pointerTokens(pointer)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

describe('the examples', () => {
  const examples = jsonFiles('../examples/');
  it('are the three sequences of the issue', () => {
    expect(examples).toEqual(['cold-mail.json', 'contract-renewal.json', 'onboarding.json']);
  });
  it.each(examples)('%s is valid, with no warnings', (name) => {
    const result = validateSequence(readJson(dir(`../examples/${name}`)));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.sequence?.format).toBe(FORMAT_V1);
  });
  it('together use every node type', () => {
    const types = new Set(
      examples.flatMap((name) =>
        (readJson(dir(`../examples/${name}`)).nodes as Array<{ type: string }>).map((n) => n.type),
      ),
    );
    expect([...types].sort()).toEqual([
      'condition',
      'delay',
      'email',
      'entry',
      'exit',
      'kakao',
      'sms',
      'split',
      'task',
      'update_contact',
      'wait_for',
    ]);
  });
});

interface Expected {
  code: Problem['code'];
  pointer: string;
  nodeId?: string;
  edgeId?: string;
}

/** The broken corpus: one file per rule of FORMAT.md section 3a, and the error each must give. */
const INVALID: Record<string, Expected> = {
  'entry-missing': { code: 'entry_missing', pointer: '/nodes' },
  'entry-multiple': { code: 'entry_multiple', pointer: '/nodes/7/type', nodeId: 'second-start' },
  'edge-into-entry': { code: 'edge_into_entry', pointer: '/edges/6/target', edgeId: 'e7' },
  'unknown-source': { code: 'unknown_source', pointer: '/edges/6/source', edgeId: 'e7' },
  'unknown-target': { code: 'unknown_target', pointer: '/edges/5/target', edgeId: 'e6' },
  'duplicate-node-id': { code: 'duplicate_node_id', pointer: '/nodes/7/id', nodeId: 'wait' },
  'duplicate-edge-id': { code: 'duplicate_edge_id', pointer: '/edges/5/id', edgeId: 'e5' },
  'handle-on-single': { code: 'unknown_handle', pointer: '/edges/1/sourceHandle', edgeId: 'e2' },
  'handle-missing-on-branch': { code: 'unknown_handle', pointer: '/edges/3', edgeId: 'e4' },
  'handle-unknown': { code: 'unknown_handle', pointer: '/edges/4/sourceHandle', edgeId: 'e5' },
  'edge-from-exit': { code: 'unknown_handle', pointer: '/edges/6/source', edgeId: 'e7' },
  'handle-multiple-edges': { code: 'handle_multiple_edges', pointer: '/edges/6', edgeId: 'e7' },
  cycle: { code: 'cycle', pointer: '/edges/6', edgeId: 'e7' },
  unreachable: { code: 'unreachable', pointer: '/nodes/7', nodeId: 'orphan-call' },
  'unknown-data-property': {
    code: 'unknown_property',
    pointer: '/nodes/1/data/subjct',
    nodeId: 'welcome',
  },
  'wrong-unit': { code: 'invalid_value', pointer: '/nodes/2/data/unit', nodeId: 'wait' },
  'wrong-type': { code: 'invalid_type', pointer: '/nodes/2/data/amount', nodeId: 'wait' },
  'missing-body': { code: 'missing_property', pointer: '/nodes/5/data', nodeId: 'text' },
  'bad-rule': { code: 'invalid_value', pointer: '/nodes/3/data/rule/op', nodeId: 'check' },
  'bad-rule-kind': { code: 'invalid_rule', pointer: '/nodes/3/data/rule', nodeId: 'check' },
  'rule-too-deep': { code: 'rule_too_deep', pointer: '/nodes/3/data/rule', nodeId: 'check' },
  'unknown-node-ref': {
    code: 'unknown_node_ref',
    pointer: '/nodes/3/data/rule/node',
    nodeId: 'check',
  },
  'invalid-node-ref': {
    code: 'invalid_node_ref',
    pointer: '/nodes/3/data/rule/node',
    nodeId: 'check',
  },
  'bad-zone': { code: 'invalid_timezone', pointer: '/settings/timezone' },
  'schedule-empty-window': { code: 'schedule_empty_window', pointer: '/settings/schedule' },
  'duplicate-branch-id': {
    code: 'duplicate_branch_id',
    pointer: '/nodes/7/data/branches/1/id',
    nodeId: 'ab',
  },
  'liquid-syntax': { code: 'liquid_syntax', pointer: '/nodes/1/data/body', nodeId: 'welcome' },
  'liquid-file-tag': { code: 'liquid_syntax', pointer: '/nodes/4/data/body', nodeId: 'followup' },
  'thread-without-email': {
    code: 'thread_without_email',
    pointer: '/nodes/4/data',
    nodeId: 'followup',
  },
  'nul-in-text': { code: 'invalid_text', pointer: '/nodes/1/data/subject', nodeId: 'welcome' },
  'lone-surrogate': { code: 'invalid_text', pointer: '/nodes/5/data/body', nodeId: 'text' },
  'path-too-long': { code: 'invalid_value', pointer: '/nodes/3/data/rule/field', nodeId: 'check' },
  'template-too-costly': {
    code: 'template_too_costly',
    pointer: '/nodes/4/data/body',
    nodeId: 'followup',
  },
  'template-unbounded-range': {
    code: 'template_too_costly',
    pointer: '/nodes/4/data/body',
    nodeId: 'followup',
  },
  'unknown-format': { code: 'unsupported_format', pointer: '/format' },
  'missing-format': { code: 'unsupported_format', pointer: '' },
};

/** Files that are valid but warn. */
const WARNING: Record<string, Expected> = {
  'unconnected-handle': { code: 'unconnected_handle', pointer: '/nodes/3', nodeId: 'check' },
  'unknown-variable': { code: 'unknown_variable', pointer: '/nodes/5/data/body', nodeId: 'text' },
  'split-weights': { code: 'split_weights', pointer: '/nodes/7/data/branches', nodeId: 'ab' },
  'variable-without-default': {
    code: 'variable_without_default',
    pointer: '/nodes/1/data/subject',
    nodeId: 'welcome',
  },
};

describe('the broken corpus', () => {
  it('has an expectation for every file, and a file for every expectation', () => {
    expect(jsonFiles('../fixtures/invalid/')).toEqual(
      Object.keys(INVALID)
        .map((n) => `${n}.json`)
        .sort(),
    );
    expect(jsonFiles('../fixtures/warning/')).toEqual(
      Object.keys(WARNING)
        .map((n) => `${n}.json`)
        .sort(),
    );
  });

  it('starts from a valid file', () => {
    const result = validateSequence(readJson(dir('../fixtures/valid-base.json')));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it.each(Object.entries(INVALID))(
    '%s is rejected with the error that names the culprit',
    (name, expected) => {
      const file = readJson(dir(`../fixtures/invalid/${name}.json`));
      const result = validateSequence(file);
      expect(result.ok).toBe(false);
      expect(result.sequence).toBeUndefined();
      const { code, pointer, nodeId, edgeId } = expected;
      const found = result.errors.find((e) => e.code === code && e.pointer === pointer);
      expect(found, JSON.stringify(result.errors)).toBeDefined();
      expect({ nodeId: found?.nodeId, edgeId: found?.edgeId }).toEqual({ nodeId, edgeId });
      // One mistake gives one error, not a cascade (unknown-target also strands its node).
      const others = result.errors.filter((e) => e.code !== code);
      expect(others.map((e) => e.code)).toEqual(name === 'unknown-target' ? ['unreachable'] : []);
    },
  );

  it.each(Object.entries(WARNING))(
    '%s is accepted with a warning that names the node',
    (name, expected) => {
      const result = validateSequence(readJson(dir(`../fixtures/warning/${name}.json`)));
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.warnings).toHaveLength(1);
      const [w] = result.warnings;
      expect({ code: w?.code, pointer: w?.pointer, nodeId: w?.nodeId, edgeId: w?.edgeId }).toEqual(
        expected,
      );
    },
  );

  it('names, for every problem, a place that exists in the file', () => {
    for (const [folder, names] of [
      ['invalid', Object.keys(INVALID)],
      ['warning', Object.keys(WARNING)],
    ] as const) {
      for (const name of names) {
        const file = readJson(dir(`../fixtures/${folder}/${name}.json`));
        const result = validateSequence(file);
        for (const p of [...result.errors, ...result.warnings]) {
          expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
          expect(p.message.length).toBeGreaterThan(10);
          // A missing or unknown property is named by its pointer's last token; its parent exists.
          const target =
            p.code === 'unknown_property' ? p.pointer.replace(/\/[^/]*$/, '') : p.pointer;
          expect(resolve(file, target), `${name}: ${p.pointer}`).toBeDefined();
          const nodes = file.nodes as Array<{ id: string }>;
          const edges = file.edges as Array<{ id: string }>;
          if (p.nodeId) expect(nodes.map((n) => n.id)).toContain(p.nodeId);
          if (p.edgeId) expect(edges.map((e) => e.id)).toContain(p.edgeId);
        }
      }
    }
  });
});

describe('files that are not sequences', () => {
  it.each([null, [], 'nudge', 42, true])('rejects %j as not an object', (input) => {
    expect(validateSequence(input).errors).toEqual([
      expect.objectContaining({ code: 'not_an_object', pointer: '' }),
    ]);
  });

  it('names the version found and the one supported', () => {
    const [error] = validateSequence({
      format: 'nudge.sequence/v7',
      name: 'x',
      nodes: [],
      edges: [],
    }).errors;
    expect(error?.message).toContain('nudge.sequence/v7');
    expect(error?.message).toContain(FORMAT_V1);
  });
});

describe('limits', () => {
  const base = () => readJson(dir('../fixtures/valid-base.json'));

  it('refuses more than the maximum of nodes before reading them', () => {
    const file = base();
    file.nodes = Array.from({ length: LIMITS.nodes + 1 }, (_, i) => ({
      id: `n${i}`,
      type: 'exit',
      data: {},
    }));
    expect(validateSequence(file).errors).toEqual([
      expect.objectContaining({ code: 'too_many_nodes', pointer: '/nodes' }),
    ]);
  });

  it('refuses more than the maximum of edges', () => {
    const file = base();
    file.edges = Array.from({ length: LIMITS.edges + 1 }, (_, i) => ({
      id: `e${i}`,
      source: 'a',
      target: 'b',
    }));
    expect(validateSequence(file).errors).toEqual([
      expect.objectContaining({ code: 'too_many_edges' }),
    ]);
  });

  it('refuses an object with more properties than any valid file needs, before the schema runs', () => {
    const file = base();
    for (let i = 0; i < 200_000; i++) file[`junk${i}`] = i;
    const started = performance.now();
    const result = validateSequence(file);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'too_many_properties', pointer: '' }),
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
    const nested = base();
    const data = dataOf(nested, 1);
    for (let i = 0; i < 1001; i++) data[`junk${i}`] = i;
    expect(validateSequence(nested).errors).toEqual([
      expect.objectContaining({ code: 'too_many_properties', pointer: '/nodes/1/data' }),
    ]);
  });

  it('lists at most the limit of problems, and says how many it left out', () => {
    const file = base();
    file.edges = Array.from({ length: 3000 }, (_, i) => ({
      id: `x${i}`,
      source: 'ghost',
      target: 'done',
    }));
    const result = validateSequence(file);
    expect(result.errors.length + result.warnings.length).toBe(LIMITS.problems + 1);
    expect(result.errors.at(-1)).toEqual(
      expect.objectContaining({
        code: 'too_many_problems',
        message: expect.stringMatching(/^\d+ more problems/),
      }),
    );
  });

  // Found by the API fuzzer (server/src/fuzz): a list of 117,039 holidays (800 KB) took 1.1 s
  // to judge, 200,000 1.7 s, a schema error and a problem each; POST /api/validate takes
  // 256 KiB of such a list from anyone, without a token.
  it('refuses a file of more values than the limit, before the schema runs', () => {
    const file = base();
    (file.settings as Record<string, unknown>).holidays = Array(LIMITS.values).fill(0);
    const started = performance.now();
    expect(validateSequence(file).errors).toEqual([
      expect.objectContaining({ code: 'too_many_values', pointer: '' }),
    ]);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('explains a few thousand schema errors at most, and says there are more', () => {
    const file = base();
    (file.settings as Record<string, unknown>).holidays = Array(LIMITS.values - 1000).fill(0);
    const started = performance.now();
    const { errors } = validateSequence(file);
    // The validator itself still reports each item (~1 µs each); what follows is bounded.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors).toHaveLength(LIMITS.problems + 1);
    expect(errors[1]).toEqual(
      expect.objectContaining({ code: 'invalid_type', pointer: '/settings/holidays/0' }),
    );
    expect(errors.at(-1)).toEqual(
      expect.objectContaining({
        code: 'too_many_problems',
        message: expect.stringMatching(/^at least \d+ more problems/),
      }),
    );
  });

  // Found by the API fuzzer too: 150,000 wrong triggers (300 KB) are seven schema errors each,
  // a million in all, which took the validator 1.5 s to gather.
  it('stops gathering schema errors at a cap, and lists what it has', () => {
    const file = base();
    dataOf(file, 0).triggers = Array(150_000).fill(0);
    const started = performance.now();
    const { errors } = validateSequence(file);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors[0]).toEqual(
      expect.objectContaining({ code: 'invalid_value', pointer: '/nodes/0/data/triggers' }),
    );
    expect(errors[1]).toEqual(
      expect.objectContaining({ code: 'invalid_type', pointer: '/nodes/0/data/triggers/0' }),
    );
    expect(errors.at(-1)).toEqual(
      expect.objectContaining({
        code: 'too_many_problems',
        message: 'more problems are not listed: fix these first',
      }),
    );
  });

  // Also found with the test below: the graph check copied each node's list of links for
  // every link it added, and took 9 s for 20,000 links from one step.
  it('judges a file of as many steps and links as the limits allow, without too_many_values', () => {
    const file = base();
    const nodes = file.nodes as Array<{ id: string }>;
    const last = nodes.length - 1;
    // All links from one step's one handle: not a valid graph, but a file within the other
    // limits, whose values the limit must take, and a worst case for the graph check.
    file.nodes = [
      ...nodes,
      ...Array.from({ length: LIMITS.nodes - nodes.length }, (_, i) => ({
        id: `x${i}`,
        type: 'exit',
        position: { x: i, y: i },
        data: {},
      })),
    ];
    file.edges = Array.from({ length: LIMITS.edges }, (_, i) => ({
      id: `e${i}`,
      source: nodes[last]?.id,
      target: `x${i % 1000}`,
      sourceHandle: 'h',
    }));
    const started = performance.now();
    const codes = new Set(validateSequence(file).errors.map((p) => p.code));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(codes).not.toContain('too_many_values');
    expect(codes).not.toContain('too_many_edges');
  });

  it('refuses JSON nested without bound, without overflowing the stack', () => {
    const file = base();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    dataOf(file, 3).rule = deep;
    expect(validateSequence(file).errors).toEqual([
      expect.objectContaining({ code: 'too_deep', pointer: '' }),
    ]);
  });

  it('refuses a template over 64 KiB of UTF-8, counting bytes not characters', () => {
    const file = base();
    const text = dataOf(file, 5);
    // 22,000 Hangul syllables are 66,000 bytes but only 22,000 characters.
    text.body = '가'.repeat(22_000);
    expect(validateSequence(file).errors).toEqual([
      expect.objectContaining({
        code: 'template_too_large',
        pointer: '/nodes/5/data/body',
        nodeId: 'text',
      }),
    ]);
    text.body = '가'.repeat(21_000);
    expect(validateSequence(file).ok).toBe(true);
  });

  it('reports tags nested until the parser runs out of stack as a template error, not a crash', () => {
    const file = base();
    dataOf(file, 5).body = `${'{% if a %}'.repeat(3000)}${'{% endif %}'.repeat(3000)}`;
    expect(validateSequence(file).errors).toEqual([
      expect.objectContaining({
        code: 'liquid_syntax',
        nodeId: 'text',
        message: expect.stringContaining('the tags nest too deeply'),
      }),
    ]);
  });

  it('accepts 2,000 nodes, the limit, quickly enough for an editor keystroke', () => {
    const file = base();
    const nodes: unknown[] = [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    ];
    const edges: unknown[] = [];
    for (let i = 1; i < LIMITS.nodes; i++) {
      nodes.push({
        id: `s${i}`,
        type: 'sms',
        data: { body: `{{고객명}}님, ${i}번째 안내입니다`, mode: 'auto' },
      });
      edges.push({ id: `e${i}`, source: i === 1 ? 'start' : `s${i - 1}`, target: `s${i}` });
    }
    file.nodes = nodes;
    file.edges = edges;
    const result = validateSequence(file);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('text that can not be stored', () => {
  const base = () => readJson(dir('../fixtures/valid-base.json'));

  it('refuses NUL and lone surrogates anywhere, in values and in property names, naming each', () => {
    const file = base();
    file.name = 'a\u0000b';
    dataOf(file, 1).body = 'tail \udc00';
    (file.settings as Record<string, unknown>).variables = { 'x\ud800': 'contact.name' };
    const result = validateSequence(file);
    expect(result.errors.map((e) => [e.code, e.pointer, e.nodeId])).toEqual([
      ['invalid_text', '/name', undefined],
      ['invalid_text', '/settings/variables/x\ud800', undefined],
      ['invalid_text', '/nodes/1/data/body', 'welcome'],
    ]);
    expect(result.errors[0]?.message).toBe(
      '"name" holds a NUL character (\\u0000) at character 2: Nudge stores text only',
    );
    expect(result.errors[1]?.message).toContain(
      'the property name "x\\ud800" holds a lone surrogate',
    );
    expect(result.errors[2]?.message).toContain('lone surrogate (\\udc00) at character 6');
  });

  it('accepts surrogate pairs (emoji) and every other character', () => {
    const file = base();
    dataOf(file, 5).body = '[넛지] 😀 \u0001\u007f\uffff{{고객명}}';
    expect(validateSequence(file).errors).toEqual([]);
  });
});

describe('RULE limits', () => {
  const withRule = (rule: unknown) => {
    const file = readJson(dir('../fixtures/valid-base.json'));
    dataOf(file, 3).rule = rule;
    return validateSequence(file);
  };
  const field = (i: number, value: unknown = i) => ({
    field: 'contact.attributes.n',
    op: 'eq',
    value,
  });

  it('bounds the keys of a path: five after contact.attributes', () => {
    expect(withRule({ field: 'contact.attributes.a.b.c.d.e', op: 'exists' }).ok).toBe(true);
    const deeper = withRule({ field: 'contact.attributes.a.b.c.d.e.f', op: 'exists' });
    expect(deeper.errors).toEqual([
      expect.objectContaining({
        code: 'invalid_value',
        pointer: '/nodes/3/data/rule/field',
        message: expect.stringContaining('up to 5 keys'),
      }),
    ]);
    const long = withRule({ field: `contact.attributes.${'k'.repeat(200)}`, op: 'exists' });
    expect(long.errors[0]?.message).toBe('must be at most 200 characters');
  });

  it('bounds the tests and groups of one RULE, and the values it compares with', () => {
    const groups = (n: number) => ({
      any: Array.from({ length: n }, (_, i) => ({ all: [field(i), field(i + 1)] })),
    });
    expect(withRule(groups(66)).ok).toBe(true); // 1 + 66 * 3 = 199 parts
    expect(withRule(groups(67)).errors).toEqual([
      expect.objectContaining({
        code: 'rule_too_large',
        pointer: '/nodes/3/data/rule',
        nodeId: 'check',
        message: 'this RULE has more than 200 tests and groups',
      }),
    ]);
    const list = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    const lists = (first: number, second: number) => ({
      any: [
        { field: 'contact.id', op: 'in', value: list(first) },
        { field: 'contact.email', op: 'in', value: list(second) },
      ],
    });
    expect(withRule(lists(1000, 1000)).ok).toBe(true);
    expect(withRule(lists(10, 1001)).errors).toEqual([
      expect.objectContaining({ code: 'invalid_value', pointer: '/nodes/3/data/rule/any/1/value' }),
    ]);
    const three = {
      any: [...lists(1000, 1000).any, { field: 'contact.name', op: 'in', value: ['x'] }],
    };
    expect(withRule(three).errors).toEqual([
      expect.objectContaining({
        code: 'rule_too_large',
        message: 'this RULE compares with more than 2000 values in all',
      }),
    ]);
  });

  // The schema validator's code for RULEs copies the errors gathered so far at each item of a
  // list: a RULE of 5,000 wrong items took 5 s, of 20,000 82 s, before its size was checked.
  it('checks the size of a RULE before the schema validator reads it', () => {
    const started = performance.now();
    expect(withRule({ all: Array(20_000).fill(0) }).errors).toEqual([
      expect.objectContaining({
        code: 'rule_too_large',
        pointer: '/nodes/3/data/rule',
        nodeId: 'check',
      }),
    ]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('bounds array and string values of every comparison, not only in', () => {
    expect(
      withRule(
        field(
          0,
          Array.from({ length: 1001 }, () => 'x'),
        ),
      ).errors,
    ).toEqual([
      expect.objectContaining({ code: 'invalid_value', message: 'must have at most 1000 items' }),
    ]);
    expect(withRule(field(0, 'x'.repeat(1001))).errors).toEqual([
      expect.objectContaining({
        code: 'invalid_value',
        message: 'must be at most 1000 characters',
      }),
    ]);
  });
});

describe('templates whose work can not be bounded', () => {
  const withBody = (body: string) => {
    const file = readJson(dir('../fixtures/valid-base.json'));
    dataOf(file, 5).body = body;
    return validateSequence(file);
  };
  const refused = (body: string) => {
    const result = withBody(body);
    expect(result.errors, body).toEqual([
      expect.objectContaining({
        code: 'template_too_costly',
        pointer: '/nodes/5/data/body',
        nodeId: 'text',
      }),
    ]);
    return result.errors[0]?.message ?? '';
  };

  it('refuses a huge literal range, in a loop, a tablerow, a filter or an assign', () => {
    expect(refused('{% for i in (1..100000000) %}x{% endfor %}')).toBe(
      'the body could take about 300,000,001 steps to render, from {% for i in (1..100000000) %} (line 1, column 1); a template may take at most 100,000 (each loop turn, each part it runs and each number of a range counts one): loop over fewer items, or add "limit: N"',
    );
    expect(refused('hi\n  {% tablerow i in (1..1000000) %}{{ i }}{% endtablerow %}')).toContain(
      'from {% tablerow i in (1..1000000) %} (line 2, column 3)',
    );
    expect(refused('{{ (1..10000000) | sort | join: "," }}')).toContain(
      'from {{ (1..10000000) | sort | join: "," }} (line 1, column 1)',
    );
    expect(refused('{% assign r = (1..1000000) %}{% for i in r limit: 2 %}{% endfor %}')).toContain(
      'from {% assign r = (1..1000000) %}',
    );
    refused('{% if (1..1000000) contains 5 %}x{% endif %}');
  });

  it('multiplies nested loops, over ranges, assigned ranges and contact data', () => {
    expect(
      refused(
        '{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}',
      ),
    ).toContain('from {% for i in (1..1000) %} (line 1, column 1)');
    refused('{% assign r = (1..500) %}{% for a in r %}{% for b in r %}{% endfor %}{% endfor %}');
    refused(
      '{% for a in contact.tags %}{% for b in contact.tags %}{% for c in contact.tags %}{% endfor %}{% endfor %}{% endfor %}',
    );
    refused('{% capture s %}{% for i in (1..60000) %}.{% endfor %}{% endcapture %}{{ s }}');
  });

  it('refuses a loop over a range whose bounds are not numbers, unless it has a number limit', () => {
    expect(refused('{% for i in (1..contact.attributes.n) %}x{% endfor %}')).toBe(
      'the body has a loop over a range whose bounds are not numbers, {% for i in (1..contact.attributes.n) %} (line 1, column 1): its size can\'t be known before it runs. Write the numbers, or add "limit: N" to the loop',
    );
    expect(withBody('{% for i in (1..contact.attributes.n) limit: 10 %}x{% endfor %}').ok).toBe(
      true,
    );
  });

  it('sizes a range by the numbers assigned to its bounds, and refuses one that has none', () => {
    expect(refused('{% assign n = 999999 %}{{ (1..n) | where: "a.b" | size }}')).toContain(
      'about 1,000,001 steps',
    );
    expect(withBody('{% assign n = 10 %}{% for i in (1..n) %}{{ i }}{% endfor %}').ok).toBe(true);
    expect(refused('{{ (1..contact.attributes.n) | where: "a.b" | size }}')).toBe(
      'the body uses a range whose bounds are not numbers, {{ (1..contact.attributes.n) | where: "a.b" | size }} (line 1, column 1): its size can\'t be known before it runs. Write the numbers (only a loop with "limit: N" may go over such a range)',
    );
    refused('{% capture n %}999999{% endcapture %}{% if (1..n) contains 3 %}x{% endif %}');
  });

  it('lets real templates through: loops of thousands, loops over contact data, nested small loops', () => {
    for (const body of [
      '{% for i in (1..5000) %}<p>{{ 고객명 }}님, 안녕하세요. {{ i }}</p>\n{% endfor %}',
      '{% for tag in contact.tags %}{% for t in contact.tags %}{{ tag }}{{ t }}{% endfor %}{% endfor %}',
      '{% for i in (1..10) %}{% for j in (1..10) %}{% tablerow k in (1..10) cols: 3 %}{{ k }}{% endtablerow %}{% endfor %}{% endfor %}',
      '{{ (1..100) | sort | join: ", " }}',
      '{% if a %}{% for i in (1..40000) %}{% endfor %}{% else %}{% for i in (1..40000) %}{% endfor %}{% endif %}',
    ])
      expect(withBody(body).errors, body).toEqual([]);
  });
});

describe('merge variables', () => {
  const withBody = (body: string, variables?: Record<string, string>) => {
    const file = readJson(dir('../fixtures/valid-base.json'));
    dataOf(file, 5).body = body;
    if (variables) (file.settings as Record<string, unknown>).variables = variables;
    return validateSequence(file);
  };

  it('knows the built-in Korean aliases, contact fields, owner, sender and sequence', () => {
    const result = withBody(
      'Hi {{고객명}} {{회사명}} {{직함}} {{담당자명}} {{ contact.email }} {{ contact.attributes.plan }} {{ contact.owner.phone }} {{ owner.email }} {{ sender.name }} {{ sequence.name }}',
    );
    expect(result.warnings).toEqual([]);
  });

  it('knows aliases of settings.variables, and locals of assign and for', () => {
    const result = withBody(
      '{% assign plan = 요금제 | default: "free" %}{{ plan }}{% for tag in contact.tags %}{{ tag }}{{ forloop.index }}{% endfor %}',
      { 요금제: 'contact.attributes.plan' },
    );
    expect(result.warnings).toEqual([]);
  });

  it('looks names up as own properties only: __proto__ and constructor are unknown', () => {
    const result = withBody(
      '{{ __proto__ }} {{ constructor }} {{ contact.constructor }} {{ owner.__proto__ }}',
    );
    expect(result.warnings.map((w) => /\{\{ (.*?) \}\}/.exec(w.message)?.[1])).toEqual([
      '__proto__',
      'constructor',
      'contact.constructor',
      'owner.__proto__',
    ]);
  });

  it('warns of a misspelt contact field, an unknown root and an unknown owner field', () => {
    const result = withBody('{{ contact.nmae }} {{ 고객이름 }} {{ contact.owner.fax }}');
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('{{ contact.nmae }}'),
      expect.stringContaining('{{ 고객이름 }}'),
      expect.stringContaining('{{ contact.owner.fax }}'),
    ]);
  });

  it('rejects filters that do not exist', () => {
    const result = withBody('{{ 고객명 | shout }}');
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'liquid_syntax', nodeId: 'text' }),
    ]);
  });
});

describe('variables with no default at either end of a subject or a text message', () => {
  type Data = Record<string, unknown>;
  /** valid-base with its subject, SMS body, or the SMS made an AlimTalk step, set. */
  const validate = (
    set: { subject?: string; sms?: string; kakao?: Data; emailBody?: string },
    variables?: Record<string, string>,
  ) => {
    const file = readJson(dir('../fixtures/valid-base.json'));
    if (set.subject !== undefined) dataOf(file, 1).subject = set.subject;
    if (set.emailBody !== undefined) dataOf(file, 1).body = set.emailBody;
    if (set.sms !== undefined) dataOf(file, 5).body = set.sms;
    if (set.kakao)
      (file.nodes as unknown[])[5] = {
        id: 'text',
        type: 'kakao',
        data: { templateCode: 'WELCOME_01', body: '안내드립니다.', mode: 'auto', ...set.kakao },
      };
    if (variables) (file.settings as Record<string, unknown>).variables = variables;
    return validateSequence(file);
  };
  const found = (result: ReturnType<typeof validateSequence>) =>
    result.warnings.filter((w) => w.code === 'variable_without_default');
  const messages = (result: ReturnType<typeof validateSequence>) =>
    found(result).map((w) => w.message);

  it('warns of a subject that starts with one: what a contact without it gets, and the fix', () => {
    const result = validate({ subject: '{{고객명}}님, 안녕하세요' });
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        severity: 'warning',
        code: 'variable_without_default',
        message:
          'the subject starts with {{ 고객명 }}, which has no default: a contact without it gets "님, 안녕하세요"; add | default: "고객"',
        pointer: '/nodes/1/data/subject',
        nodeId: 'welcome',
        params: {
          field: 'subject',
          at: 'start',
          output: '{{ 고객명 }}',
          gets: '님, 안녕하세요',
          fix: '고객',
        },
      },
    ]);
  });

  it('warns of one at the end, or a text that is only one', () => {
    expect(messages(validate({ sms: 'Hello {{ contact.name }}' }))).toEqual([
      'the body ends with {{ contact.name }}, which has no default: a contact without it gets "Hello"; add | default: "…"',
    ]);
    expect(messages(validate({ subject: '{{ contact.name | upcase }}' }))).toEqual([
      'the subject is only {{ contact.name | upcase }}, which has no default: a contact without it gets an empty subject; add | default: "…"',
    ]);
    // One at each end: a warning for each.
    expect(messages(validate({ subject: '{{고객명}}님, {{회사명}}' }))).toEqual([
      'the subject starts with {{ 고객명 }}, which has no default: a contact without it gets "님, {{회사명}}"; add | default: "고객"',
      'the subject ends with {{ 회사명 }}, which has no default: a contact without it gets "{{고객명}}님,"; add | default: "귀사"',
    ]);
  });

  it('reads the text trimmed: whitespace and whitespace control around it are no words', () => {
    expect(messages(validate({ subject: ' \n {{- 고객명 -}}님, 안녕하세요 \n' }))).toEqual([
      'the subject starts with {{ 고객명 }}, which has no default: a contact without it gets "님, 안녕하세요"; add | default: "고객"',
    ]);
    expect(messages(validate({ sms: '[넛지] 안녕하세요,\n담당 {{ 담당자명 }}  \n' }))).toEqual([
      'the body ends with {{ 담당자명 }}, which has no default: a contact without it gets "[넛지] 안녕하세요, 담당"; add | default: "담당자"',
    ]);
  });

  it('leaves alone variables between words, with a default anywhere in their filters, and literals', () => {
    for (const subject of [
      '안녕하세요 {{고객명}}님',
      '{{ 고객명 | default: "고객" }}님, 안녕하세요',
      '{{ 고객명 | strip | default: "고객" | append: "" }}님, 안녕하세요',
      '안녕하세요, {{ contact.name | default: contact.company }}',
      '{{ "넛지" }} 소식입니다 {{ 3 }}',
      '{{ "[넛지] " | append: 고객명 }}님, 안녕하세요',
      '{% assign 호칭 = "고객" %}{{ 호칭 }}님, 안녕하세요',
      '{% if 고객명 %}{{ 고객명 }}님, {% endif %}안녕하세요',
    ])
      expect(validate({ subject }).warnings, subject).toEqual([]);
  });

  it('leaves alone the variables every contact has: its id, the sequence name', () => {
    expect(
      validate({ sms: '갱신 신청: https://nudge.example/renew?contact={{ contact.id }}' }).warnings,
    ).toEqual([]);
    expect(validate({ subject: '{{ sequence.name }}: 새 소식' }).warnings).toEqual([]);
  });

  it('says an unknown variable once, as unknown: the fix is its name, not a default', () => {
    expect(
      validate({ subject: '{{ 고객이름 }}님, 안녕하세요' }).warnings.map((w) => w.code),
    ).toEqual(['unknown_variable']);
  });

  it('follows aliases: Korean ones and those of settings.variables suggest a word', () => {
    expect(messages(validate({ subject: '{{회사명}} 팀을 위한 가이드' }))).toEqual([
      'the subject starts with {{ 회사명 }}, which has no default: a contact without it gets "팀을 위한 가이드"; add | default: "귀사"',
    ]);
    expect(
      messages(validate({ subject: '{{ 이름 }}님, 반갑습니다' }, { 이름: 'contact.name' })),
    ).toEqual([
      'the subject starts with {{ 이름 }}, which has no default: a contact without it gets "님, 반갑습니다"; add | default: "고객"',
    ]);
    // In a text that is not Korean, no Korean word is suggested.
    expect(messages(validate({ subject: '{{고객명}}, welcome aboard' }))).toEqual([
      'the subject starts with {{ 고객명 }}, which has no default: a contact without it gets ", welcome aboard"; add | default: "…"',
    ]);
  });

  it('checks the SMS and both texts of AlimTalk, pointing at the field; not email bodies', () => {
    expect(found(validate({ sms: '{{고객명}}님, 메일함을 확인해 주세요.' }))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: '/nodes/5/data/body',
        nodeId: 'text',
      }),
    ]);
    const kakao = validate({
      kakao: {
        body: '{{고객명}}님, 계약이 곧 만료됩니다.',
        fallbackSms: '[넛지] 만료 안내 {{회사명}}',
      },
    });
    expect(kakao.errors).toEqual([]);
    expect(found(kakao).map((w) => [w.pointer, w.nodeId, w.message])).toEqual([
      [
        '/nodes/5/data/body',
        'text',
        'the body starts with {{ 고객명 }}, which has no default: a contact without it gets "님, 계약이 곧 만료됩니다."; add | default: "고객"',
      ],
      [
        '/nodes/5/data/fallbackSms',
        'text',
        'the fallbackSms ends with {{ 회사명 }}, which has no default: a contact without it gets "[넛지] 만료 안내"; add | default: "귀사"',
      ],
    ]);
    expect(validate({ emailBody: '{{고객명}}님, 안녕하세요' }).warnings).toEqual([]);
  });

  it('quotes a long rest shortened, on the side away from the variable', () => {
    const long = '가나다라마바사아자차'.repeat(6);
    expect(messages(validate({ sms: `{{고객명}}님 ${long}` }))[0]).toContain(
      `gets "님 ${long.slice(0, 38)}…"`,
    );
    expect(messages(validate({ sms: `${long} {{고객명}}` }))[0]).toContain(
      `gets "…${long.slice(-40)}"`,
    );
  });
});

describe('update_contact values', () => {
  const withSet = (set: Record<string, unknown>) => {
    const file = readJson(dir('../fixtures/valid-base.json'));
    (file.nodes as unknown[]).splice(6, 0, {
      id: 'mark',
      type: 'update_contact',
      data: { set },
    });
    const edges = file.edges as Array<{ source: string; target: string }>;
    const into = edges.find((e) => e.target === 'done');
    if (into) into.target = 'mark';
    edges.push({ id: 'e-mark', source: 'mark', target: 'done' } as never);
    return validateSequence(file);
  };

  it('must fit a contact: fields as checkContact wants them, attributes within their limits', () => {
    expect(
      withSet({ 'contact.name': '김민준', 'contact.attributes.plan': 'pro', 'contact.email': null })
        .errors,
    ).toEqual([]);
    const result = withSet({
      'contact.email': 'not an email',
      'contact.name': 'x'.repeat(201),
      'contact.owner.email': 'nobody',
      'contact.timezone': 'Mars/Base',
      'contact.attributes.note': 'x'.repeat(2001),
    });
    expect(result.errors.map((e) => [e.pointer, e.nodeId, e.message])).toEqual([
      [
        '/nodes/6/data/set/contact.attributes.note',
        'mark',
        '"contact.attributes.note" is set to 2001 characters; an attribute\'s text may have at most 2000',
      ],
      [
        '/nodes/6/data/set/contact.email',
        'mark',
        'the step sets "email" must be an email address such as "minjun@example.com"',
      ],
      [
        '/nodes/6/data/set/contact.name',
        'mark',
        'the step sets "name" is 201 characters long; at most 200 are allowed',
      ],
      [
        '/nodes/6/data/set/contact.owner.email',
        'mark',
        'the step sets "owner.email" must be an email address such as "minjun@example.com"',
      ],
      [
        '/nodes/6/data/set/contact.timezone',
        'mark',
        'the step sets "timezone" must be an IANA zone such as "Asia/Seoul"',
      ],
    ]);
  });
});

describe('stored versions', () => {
  it('leave out the limits on authoring, and keep every other check', () => {
    const file = readJson(dir('../fixtures/valid-base.json'));
    dataOf(file, 5).body = '{% for i in (1..1000000) %}{% endfor %}';
    dataOf(file, 3).rule = {
      any: Array.from({ length: 100 }, () => ({
        all: [
          { field: 'contact.id', op: 'eq', value: 1 },
          { field: 'contact.id', op: 'eq', value: 2 },
        ],
      })),
    };
    expect(validateSequence(file).errors.map((e) => e.code)).toEqual(['rule_too_large']);
    expect(validateSequence(file, { stored: true }).ok).toBe(true);
    dataOf(file, 3).rule = { field: 'contact.id', op: 'exists' };
    expect(validateSequence(file).errors.map((e) => e.code)).toEqual(['template_too_costly']);
    dataOf(file, 1).subjct = 'typo';
    expect(validateSequence(file, { stored: true }).errors.map((e) => e.code)).toEqual([
      'unknown_property',
    ]);
  });
});

describe('template analyses kept across threads', () => {
  const withBody = (body: string) => {
    const file = readJson(dir('../fixtures/valid-base.json'));
    dataOf(file, 5).body = body;
    return validateSequence(file);
  };

  it('hands out what it analysed, and uses analyses handed in, as plain data', () => {
    const body = `Kept ${Date.now()} {{ contact.name }}`;
    withBody(body);
    const made = structuredClone(templateAnalyses());
    expect(made.find(([text]) => text === body)?.[1]).toMatchObject({
      variables: [{ root: 'contact' }],
    });

    // An analysis handed in is used for its text as if made here (this one says it is broken).
    const other = `Handed in ${Date.now()}`;
    keepTemplateAnalyses([[other, { error: 'as the worker found' }]]);
    expect(withBody(other).errors).toEqual([
      expect.objectContaining({
        code: 'liquid_syntax',
        message: expect.stringContaining('as the worker found'),
      }),
    ]);
  });
});
