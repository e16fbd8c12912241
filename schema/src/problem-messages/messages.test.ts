import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import sequenceSchema from '../../sequence.schema.json' with { type: 'json' };
import { checkSequenceText } from '../check.ts';
import { LIMITS } from '../format.ts';
import { PROBLEM_CODES, type Problem, type ProblemCode } from '../problem.ts';
import { validSequence } from '../testing/sequences.ts';
import { validateSequence } from '../validate.ts';
import { PROBLEM_LANGUAGES, PROBLEM_MESSAGES, problemText } from './index.ts';
import { DESCRIPTIONS } from './ko-words.ts';

const dir = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));
const base = () => readJson(dir('../../fixtures/valid-base.json'));
const problemsOf = (file: unknown): Problem[] => {
  const { errors, warnings } = validateSequence(file);
  return [...errors, ...warnings];
};

/** Every file of the broken corpus, and files made for the codes it has none of. */
function corpus(): Array<[string, Problem[]]> {
  const files: Array<[string, Problem[]]> = [];
  for (const folder of ['invalid', 'warning'])
    for (const name of readdirSync(dir(`../../fixtures/${folder}/`)).filter((f) =>
      f.endsWith('.json'),
    ))
      files.push([
        `${folder}/${name}`,
        problemsOf(readJson(dir(`../../fixtures/${folder}/${name}`))),
      ]);
  const made = (name: string, change: (file: Record<string, unknown>) => unknown) => {
    const file = base();
    files.push([name, problemsOf(change(file) ?? file)]);
  };
  const nodes = (file: Record<string, unknown>) => file.nodes as Array<Record<string, unknown>>;
  const data = (file: Record<string, unknown>, i: number) =>
    nodes(file)[i]?.data as Record<string, unknown>;
  made('not an object', () => [1]);
  made('newer format', (f) => ({ ...f, format: 'nudge.sequence/v9' }));
  made('too many nodes', (f) => ({
    ...f,
    nodes: Array.from({ length: LIMITS.nodes + 1 }, (_, i) => ({ id: `n${i}`, type: 'exit' })),
  }));
  made('too many edges', (f) => ({
    ...f,
    edges: Array.from({ length: LIMITS.edges + 1 }, () => ({})),
  }));
  made('too many properties', (f) => ({
    ...f,
    extra: Object.fromEntries(
      Array.from({ length: LIMITS.objectKeys + 1 }, (_, i) => [`k${i}`, i]),
    ),
  }));
  made('too many values', (f) => ({
    ...f,
    extra: Array.from({ length: LIMITS.values + 1 }, () => 0),
  }));
  made('too deep', (f) => {
    let deep: unknown = 0;
    for (let i = 0; i < LIMITS.jsonDepth + 2; i++) deep = [deep];
    return { ...f, extra: deep };
  });
  made('too many problems', (f) => ({
    ...f,
    edges: Array.from({ length: LIMITS.problems + 5 }, (_, i) => ({
      id: `x${i}`,
      source: 'nowhere',
      target: 'nothing',
    })),
  }));
  made('unknown property, with a hint and without', (f) => {
    data(f, 1).subjekt = 'x';
    f.settings ??= {};
    (f.settings as Record<string, unknown>).zzzzzzzz = 1;
  });
  made('template too large', (f) => {
    data(f, 1).body = 'x'.repeat(LIMITS.templateBytes + 1);
  });
  made('shape keywords', (f) => {
    (f.settings as Record<string, unknown>).schedule = { days: [], start: '9', end: '24:61' };
    (f.settings as Record<string, unknown>).holidays = ['KR', 'KR'];
    (f.settings as Record<string, unknown>).variables = { '1bad': 'contact.name' };
    nodes(f).push({
      id: 'owner-task',
      type: 'task',
      data: { kind: 'call', title: '', assignee: 'nobody' },
    });
    nodes(f).push({
      id: 'set',
      type: 'update_contact',
      data: { set: { 'contact.name': ['x'], 'contact.email': 'not an email' } },
    });
    nodes(f).push({ id: 'wait', type: 'delay', data: { amount: 0.5, unit: 'days' } });
    nodes(f).push({ id: 'wait2', type: 'delay', data: { amount: -1, unit: 'days' } });
    nodes(f).push({ format: 1 } as Record<string, unknown>);
  });
  made('rules', (f) => {
    const rule = (where: unknown) => ({ id: 'c', type: 'condition', data: { rule: where } });
    nodes(f).push(
      rule({ field: 'contact.name', op: 'exists', value: 1 }),
      rule({ field: 'contact.name', op: 'gt', value: true }),
      rule({ event: 'opened', name: 'x' }),
      rule({
        any: Array.from({ length: LIMITS.rule.parts + 1 }, () => ({
          field: 'contact.tags',
          op: 'exists',
        })),
      }),
      rule({
        field: 'contact.tags',
        op: 'in',
        value: Array.from({ length: LIMITS.rule.values + 1 }, (_, i) => `${i}`),
      }),
    );
  });
  made('update values', (f) => {
    nodes(f).push({
      id: 'set',
      type: 'update_contact',
      data: {
        set: {
          'contact.attributes.note': 'x'.repeat(LIMITS.contact.attributeChars + 1),
          [`contact.attributes.${'k'.repeat(LIMITS.contact.attributeKeyChars + 1)}`]: 'x',
          'contact.timezone': 'Mars/Olympus',
        },
      },
    });
  });
  made('advertising', (f) => {
    (f.settings as Record<string, unknown>).advertising = true;
    nodes(f).push(
      { id: 'ad-sms', type: 'sms', data: { body: '세일', mode: 'auto' } },
      { id: 'ad-talk', type: 'kakao', data: { templateCode: 'T', body: '세일', mode: 'auto' } },
    );
  });
  made('a costly loop', (f) => {
    data(f, 1).body = '{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}';
  });
  const deep = checkSequenceText('['.repeat(LIMITS.jsonDepth + 5));
  files.push(['too deep text', deep.kind === 'checked' ? deep.result.errors : []]);
  return files;
}

describe('the problem messages', () => {
  const files = corpus();
  const all = files.flatMap(([, problems]) => problems);

  it('are made for every code of every file: each problem has params, whose English is its message', () => {
    for (const [name, problems] of files)
      for (const problem of problems) {
        expect(problem.params, `${name}: ${problem.code}`).toBeDefined();
        expect(problemText(problem, 'en'), name).toBe(problem.message);
      }
  });

  it('cover every code of PROBLEM_CODES, in English and Korean', () => {
    const found = new Set(all.map((p) => p.code));
    expect(Object.keys(PROBLEM_CODES).filter((c) => !found.has(c as ProblemCode))).toEqual([]);
    for (const language of PROBLEM_LANGUAGES)
      expect(Object.keys(PROBLEM_MESSAGES[language]).sort()).toEqual(
        Object.keys(PROBLEM_CODES).sort(),
      );
  });

  it('read in Korean with every value filled in and no English sentence left', () => {
    for (const problem of all) {
      const korean = problemText(problem, 'ko');
      expect(korean, problem.message).toMatch(/[\uAC00-\uD7A3]/);
      expect(korean, problem.message).not.toMatch(/undefined|NaN|\[object/);
      expect(korean, korean).toMatch(/[.?]$|: /);
    }
  });

  it('has Korean words for every format the schema describes (a pattern or a name)', () => {
    const described: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === 'object' && value !== null) {
        const schema = value as Record<string, unknown>;
        if ((schema.pattern || schema.format) && typeof schema.description === 'string')
          described.push(schema.description);
        Object.values(schema).forEach(walk);
      }
    };
    walk(sequenceSchema);
    const missing = [...new Set(described)].filter(
      (d) => !Object.hasOwn(DESCRIPTIONS, d) && !d.startsWith('an IANA time zone'),
    );
    expect(missing).toEqual([]);
  });

  it('has no "undefined" in any English message', () => {
    for (const problem of all) expect(problem.message).not.toMatch(/undefined|NaN|\[object/);
  });
});
/** Every path of a JSON value, root first. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const out = [at];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...paths(v, [...at, i]));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

describe('the messages of random broken files', () => {
  it('are each the English of their params', () => {
    fc.assert(
      fc.property(validSequence, fc.nat(), fc.jsonValue({ maxDepth: 2 }), (file, pick, value) => {
        const copy = structuredClone(file) as Record<string, unknown>;
        const all = paths(copy).filter((p) => p.length > 0);
        const target = all[pick % all.length] as Array<string | number>;
        let parent = copy as Record<string | number, unknown>;
        for (const token of target.slice(0, -1))
          parent = parent[token] as Record<string | number, unknown>;
        parent[target[target.length - 1] as string | number] = value;
        for (const problem of problemsOf(copy)) {
          expect(problem.params).toBeDefined();
          expect(problemText(problem, 'en')).toBe(problem.message);
          expect(problemText(problem, 'ko')).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
