import fc from 'fast-check';
import type { Body, Caller, Draft } from './request.test-support.ts';

/**
 * What the fuzzer does to a valid request (a Draft) to make it an attacker's: text that can't
 * be stored (NUL, lone surrogates), long strings, deep nesting, huge arrays, wrong types,
 * missing and extra properties, bodies that are not JSON or not text, other media types, path
 * tricks, odd query strings, other callers. Each mutation is data plus a pure function of the
 * draft, with a label for the report; none knows any route.
 */
export interface Mutation {
  label: string;
  apply: (draft: Draft) => Draft;
}

/** Ids the path tricks borrow: the other tenant's, by collection (see fixtures). */
export interface TrickIds {
  other: Record<string, string[]>;
}

const LONG = { min: 3000, max: 100_000 };
/**
 * Over HTTP a request's head must fit Node's 16 KiB, else Node answers 431 by itself, before
 * the app: a long path parameter and a long query (and a 3,000-character token) must fit.
 */
const HTTP_LONG_MAX = 5000;

/** `n` UTF-16 units of `unit` repeated, never ending in half a surrogate pair. */
/** The most items of a huge array of objects (see the "array of" change). */
const OBJECT_ITEMS = 5000;

const long = (unit: string, n: number) => {
  const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text;
};
const longArb = fc.tuple(fc.constantFrom('a', '가', '😀', '\\', '%', ' ', '0'), fc.integer(LONG));

/** Strings that have broken stores, parsers, routers and templates somewhere. */
const TRICKY_STRINGS = [
  '',
  ' ',
  '\t\n',
  '..',
  '../../etc/passwd',
  "' or 1=1 --",
  '"; drop table contacts; --',
  '<script>alert(1)</script>',
  '{{ 7 | times: 7 }}',
  '{% for i in (1..100000000) %}x{% endfor %}',
  '%00',
  '\\u0000',
  'contact.attributes.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0',
  '한국어 텍스트',
  'ＡＢＣ',
  '\u202egnp.exe',
  '\ufeffbom',
  'line\u2028sep',
  '__proto__',
  'constructor',
  '1e999',
  'null',
];
const BAD_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', '😀'.slice(0, 1)];
const WRONG_TYPES: unknown[] = [0, -1, 1.5, 1e308, -0, true, false, null, [], {}, [[]], { '': '' }];
/** Numbers JSON can write but a double can't hold exactly, or at all. */
const BIG_NUMBERS = [
  '9007199254740993',
  '1e999',
  '-1e999',
  '123456789012345678901234567890',
  '1E400',
];

// ---------------------------------------------------------------------------------------------
// The body as JSON: a place in it, and what to put there.

type Step = string | number;

/** The places of a JSON value (depth-first, the root first), at most `max` of them. */
function places(value: unknown, max = 2000): Step[][] {
  const found: Step[][] = [];
  const walk = (v: unknown, path: Step[]) => {
    if (found.length >= max || path.length > 12) return;
    found.push(path);
    if (Array.isArray(v)) for (const [i, item] of v.entries()) walk(item, [...path, i]);
    else if (typeof v === 'object' && v !== null)
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
  };
  walk(value, []);
  return found;
}

const at = (value: unknown, path: Step[]): unknown =>
  path.reduce<unknown>((v, step) => (v as Record<Step, unknown> | undefined)?.[step], value);

/** `value` with the place `path` changed by `change` (a copy: drafts are shared). */
function changed(value: unknown, path: Step[], change: (old: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const copy = structuredClone(value) as Record<Step, unknown>;
  const parent = at(copy, path.slice(0, -1)) as Record<Step, unknown>;
  parent[path.at(-1) as Step] = change(parent[path.at(-1) as Step]);
  return copy;
}

const DELETE = Symbol('delete');

function withoutPlace(value: unknown, path: Step[]): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(value);
  const parent = at(copy, path.slice(0, -1));
  const last = path.at(-1) as Step;
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete (parent as Record<Step, unknown>)[last];
  return copy;
}

/** A change at one place of the body: a new value, raw JSON text, or taking it away. */
type PlaceChange =
  | { label: string; value: (old: unknown) => unknown }
  | { label: string; raw: (old: unknown) => string }
  | { label: string; remove: typeof DELETE };

const placeChange: fc.Arbitrary<PlaceChange> = fc.oneof(
  fc.constantFrom(...BAD_TEXT).map((bad) => ({
    label: `text ${JSON.stringify(bad)}`,
    value: (old: unknown) => (typeof old === 'string' ? old + bad : bad),
  })),
  fc.tuple(fc.constantFrom(...BAD_TEXT), fc.nat()).map(([bad, pos]) => ({
    label: `text ${JSON.stringify(bad)} inside`,
    value: (old: unknown) => {
      const s = typeof old === 'string' ? old : (JSON.stringify(old) ?? '');
      const i = pos % (s.length + 1);
      return s.slice(0, i) + bad + s.slice(i);
    },
  })),
  longArb.map(([unit, n]) => ({
    label: `long string (${n} × ${JSON.stringify(unit)})`,
    value: () => long(unit, n),
  })),
  fc.constantFrom(...TRICKY_STRINGS).map((s) => ({
    label: `string ${JSON.stringify(s)}`,
    value: () => s,
  })),
  fc.constantFrom(...WRONG_TYPES).map((v) => ({
    label: `wrong type ${JSON.stringify(v)}`,
    value: () => structuredClone(v),
  })),
  fc.constantFrom(...BIG_NUMBERS).map((n) => ({ label: `number ${n}`, raw: () => n })),
  fc
    .tuple(fc.constantFrom('[', '{"a":', '{"all":['), fc.integer({ min: 9, max: 120_000 }))
    .map(([open, depth]) => ({
      label: `nested ${depth} deep (${open})`,
      raw: () => {
        const close = open === '[' ? ']' : open === '{"a":' ? '}' : ']}';
        return open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
      },
    })),
  fc
    .tuple(
      fc.integer({ min: 1000, max: 200_000 }),
      fc.constantFrom('0', '"x"', '{}', 'null', 'same'),
    )
    .map(([n, item]) => ({
      label: `array of ${n} × ${item}`,
      raw: (old: unknown) => {
        const one = item === 'same' ? (JSON.stringify(old) ?? 'null') : item;
        // Bounded in bytes, so that a copy of a large value stays a request, not a flood. And
        // objects at 5,000: a list of valid objects is real work the API takes (50,000
        // contacts a call, ~3 s here); past that the fuzzer would be load-testing it.
        const most = /^[[{]/.test(one) ? OBJECT_ITEMS : n;
        const count = Math.max(1, Math.min(n, most, Math.floor(4_000_000 / (one.length + 1))));
        return `[${Array(count).fill(one).join(',')}]`;
      },
    })),
  fc.constant({ label: 'property removed', remove: DELETE }),
  fc
    .tuple(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', '', 'id', '\u0000', '$ref'),
      fc.constantFrom<unknown>(1, 'x', { polluted: true }, null),
    )
    .map(([key, v]) => ({
      label: `extra property ${JSON.stringify(key)}`,
      raw: (old: unknown) => {
        if (typeof old !== 'object' || old === null || Array.isArray(old))
          return JSON.stringify({ [key]: v, value: old ?? null });
        // Raw text, so that `__proto__` is an own property as a client would send it.
        const rest = JSON.stringify(old).slice(1);
        return `{${JSON.stringify(key)}:${JSON.stringify(v)}${rest === '}' ? '}' : `,${rest}`}`;
      },
    })),
);

function bodyPlaceMutation(): fc.Arbitrary<Mutation> {
  return fc.tuple(fc.nat(), placeChange).map(([pick, change]) => ({
    label: `body: ${change.label}`,
    apply: (draft) => {
      const body = draft.body;
      if (!body || !('json' in body)) return draft;
      const all = places(body.json);
      const path = all[pick % all.length] as Step[];
      const where = `/${path.join('/')}`;
      const labels = [...draft.labels, `body at ${where}: ${change.label}`];
      if ('remove' in change) {
        return { ...draft, labels, body: { ...body, json: withoutPlace(body.json, path) } };
      }
      if ('value' in change)
        return {
          ...draft,
          labels,
          body: { ...body, json: changed(body.json, path, change.value) },
        };
      const marker = `@@fuzz-splice-${Object.keys(body.splices).length}@@`;
      const raw = change.raw(at(body.json, path));
      return {
        ...draft,
        labels,
        body: {
          json: changed(body.json, path, () => marker),
          splices: { ...body.splices, [marker]: raw },
        },
      };
    },
  }));
}

// ---------------------------------------------------------------------------------------------
// The body as a whole: not JSON, not text, over a limit.

const encoder = new TextEncoder();
const textOf = (body: Body | undefined): string => {
  if (body === undefined) return '';
  if ('text' in body) return body.text;
  if ('bytes' in body) return new TextDecoder().decode(body.bytes);
  let text = JSON.stringify(body.json) ?? 'null';
  for (const [marker, raw] of Object.entries(body.splices))
    text = text.replace(JSON.stringify(marker), () => raw);
  return text;
};

const WHOLE_BODIES = [
  '',
  ' ',
  '\n',
  'null',
  'true',
  '0',
  '-0',
  '1e999',
  '"text"',
  '[]',
  '[{}]',
  '{',
  '}',
  '{"a":}',
  "{'a':1}",
  'NaN',
  'undefined',
  '{"a":1}x',
  '{"a":1}{"b":2}',
  '{"\\u0000":1}',
  '"\\ud800"',
  '{"a":"\\udfff"}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '\u0000',
];

/** Sizes just past the limits of the routes (16 KiB, 64 KiB, 256 KiB, 1 MiB), and the file's. */
const PAST_LIMITS = [16 * 1024 + 1, 64 * 1024 + 1, 256 * 1024 + 1, 1024 * 1024 + 1];
const FILE_LIMIT = 16 * 1024 * 1024;

function wholeBodyMutation(): fc.Arbitrary<Mutation> {
  const set = (label: string, body: (draft: Draft) => Body): Mutation => ({
    label,
    apply: (draft) => ({ ...draft, body: body(draft), labels: [...draft.labels, label] }),
  });
  return fc.oneof(
    fc
      .constantFrom(...WHOLE_BODIES)
      .map((text) => set(`body ${JSON.stringify(text)}`, () => ({ text }))),
    fc.string({ maxLength: 200 }).map((text) => set('body of random text', () => ({ text }))),
    fc.constant(set('no body', () => ({ text: '' }))),
    fc
      .tuple(
        fc.constantFrom('[', '{"a":', '{"contacts":['),
        fc.integer({ min: 49, max: 1_000_000 }),
        fc.boolean(),
      )
      // At most ~4 MB: deep enough for any recursion, small enough to stay one request.
      .map(
        ([open, n, closed]) =>
          [open, Math.min(n, Math.floor(2_000_000 / open.length)), closed] as const,
      )
      .map(([open, depth, closed]) =>
        set(`body nested ${depth} deep (${open}${closed ? '' : ', unclosed'})`, () => {
          const close = open === '[' ? ']' : open === '{"a":' ? '}' : ']}';
          return {
            text:
              open.repeat(depth) + (closed ? (open === '[' ? '' : '1') + close.repeat(depth) : ''),
          };
        }),
      ),
    fc.nat().map((cut) =>
      set('body cut short', (d) => {
        const text = textOf(d.body);
        return { text: text.slice(0, cut % Math.max(1, text.length)) };
      }),
    ),
    fc.constant(set('body after a byte order mark', (d) => ({ text: `\ufeff${textOf(d.body)}` }))),
    fc.constant(
      set('body as UTF-16', (d) => ({
        bytes: new Uint8Array(Buffer.from(textOf(d.body), 'utf16le')),
      })),
    ),
    fc
      .tuple(
        fc.nat(),
        fc.constantFrom(
          [0xff],
          [0xc3, 0x28],
          [0xed, 0xa0, 0x80],
          [0xf4, 0x90, 0x80, 0x80],
          [0xc0, 0xae],
          [0],
        ),
      )
      .map(([pos, bad]) =>
        set(`body with bytes ${bad.map((b) => b.toString(16)).join(' ')}`, (d) => {
          const bytes = encoder.encode(textOf(d.body));
          const i = pos % (bytes.length + 1);
          const out = new Uint8Array(bytes.length + bad.length);
          out.set(bytes.subarray(0, i));
          out.set(bad, i);
          out.set(bytes.subarray(i), i + bad.length);
          return { bytes: out };
        }),
      ),
    // Past a limit: JSON of the right shape padded with spaces, so only the size is wrong.
    fc
      .oneof(
        { weight: 20, arbitrary: fc.constantFrom(...PAST_LIMITS) },
        { weight: 1, arbitrary: fc.constant(FILE_LIMIT + 1) },
      )
      .map((size) =>
        set(`body padded to ${size} bytes`, (d) => {
          const text = textOf(d.body) || '{}';
          return { text: text + ' '.repeat(Math.max(0, size - encoder.encode(text).length)) };
        }),
      ),
    fc.constant({
      label: 'duplicate key',
      apply: (d: Draft) => {
        const text = textOf(d.body);
        const first = /^\{("(?:[^"\\]|\\.)*"):/.exec(text)?.[1];
        if (!first) return d;
        return {
          ...d,
          body: { text: `{${first}:0,${text.slice(1)}` },
          labels: [...d.labels, 'duplicate key'],
        };
      },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Headers, callers, method, framing.

const CONTENT_TYPES = [
  null,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/vnd.nudge+json',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/jsonx',
  'json',
  '',
  'application/merge-patch+json',
  ' application/json ',
];

const CALLERS: Caller[] = [
  'admin',
  'editor',
  'viewer',
  'other',
  'none',
  'wrong',
  { header: 'Bearer' },
  { header: 'Bearer ' },
  { header: '' },
  { header: 'Basic dXNlcjpwYXNz' },
  { header: 'Token {admin}' },
  { header: 'Bearer a b' },
  { header: 'bearer {admin}' },
  { header: 'BEARER\t{editor}' },
  { header: 'Bearer {admin}x' },
  { header: 'Bearer {viewer}, Bearer {admin}' },
  { header: 'Bearer {viewer}  ' },
  { header: `Bearer ${'x'.repeat(3000)}` },
];

function headerMutation(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.constantFrom(...CONTENT_TYPES).map((type) => ({
      label: `content-type ${JSON.stringify(type)}`,
      apply: (d: Draft) => ({
        ...d,
        contentType: type,
        labels: [...d.labels, `content-type ${JSON.stringify(type)}`],
      }),
    })),
    fc.constantFrom(...CALLERS).map((caller) => {
      const label = `caller ${typeof caller === 'object' ? JSON.stringify(caller.header.slice(0, 40)) : caller}`;
      return { label, apply: (d: Draft) => ({ ...d, caller, labels: [...d.labels, label] }) };
    }),
    fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS').map((method) => ({
      label: `method ${method}`,
      apply: (d: Draft) => ({ ...d, method, labels: [...d.labels, `method ${method}`] }),
    })),
    fc.constant({
      label: 'chunked',
      apply: (d: Draft) => ({ ...d, chunked: true, labels: [...d.labels, 'chunked'] }),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The path and the query.

const PATH_TRICKS = [
  '..',
  'a\\b',
  '.',
  '%2e%2e',
  '%2E',
  '%2F',
  'a%2Fb',
  '..%2F..%2Fhealth',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%',
  '%zz',
  '%C0%AE',
  '%ED%95%9C%EA%B5%AD',
  '%20',
  '+',
  'UPPER-CASE',
  '0',
  '-1',
  '1e3',
  '0x10',
  '999999999999999999999999999999',
  '9007199254740993',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  'constructor',
  '%3Cscript%3E',
  ';',
  '*',
];

const PATH_REWRITES: Array<[string, (p: string) => string]> = [
  ['trailing slash', (p) => `${p}/`],
  ['double slash', (p) => p.replace('/api/', '/api//')],
  ['upper-case API', (p) => p.replace('/api/', '/API/')],
  ['escaped a of api', (p) => p.replace('/api/', '/%61pi/')],
  ['dot segment', (p) => p.replace('/api/', '/api/./')],
  ['dot-dot segment', (p) => p.replace('/api/', '/api/x/../')],
  ['escaped dot-dot', (p) => p.replace('/api/', '/api/x/%2e%2e/')],
  ['no leading slash', (p) => p.slice(1)],
  ['thousands of slashes', (p) => `${'/'.repeat(3000)}${p}`],
  ['thousands of segments', (p) => p.replace('/api/', `/api/${'x/'.repeat(2000)}`)],
  ['thousands of dot-dot segments', (p) => p.replace('/api/', `/api/${'x/../'.repeat(1000)}`)],
];

function pathMutation(ids: TrickIds): fc.Arbitrary<Mutation> {
  const otherIds = Object.values(ids.other).flat();
  const value = fc.oneof(
    fc.constantFrom(...PATH_TRICKS),
    fc.constantFrom(...otherIds).map((id) => encodeURIComponent(id)),
    longArb.map(([unit, n]) => encodeURIComponent(long(unit, n))),
    fc.webSegment(),
  );
  return fc.oneof(
    fc.tuple(fc.nat(), value).map(([pick, v]) => ({
      label: `path parameter ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}… (${v.length})` : v)}`,
      apply: (d: Draft) => {
        const names = Object.keys(d.params);
        if (names.length === 0) return d;
        const name = names[pick % names.length] as string;
        const capped = d.transport === 'http' ? v.slice(0, HTTP_LONG_MAX) : v;
        return {
          ...d,
          params: { ...d.params, [name]: capped },
          labels: [
            ...d.labels,
            `{${name}} = ${JSON.stringify(capped.slice(0, 60))}${capped.length > 60 ? `… (${capped.length})` : ''}`,
          ],
        };
      },
    })),
    fc.constantFrom(...PATH_REWRITES).map(([label, rewrite]) => ({
      label,
      apply: (d: Draft) => ({
        ...d,
        rewrites: [...d.rewrites, rewrite],
        labels: [...d.labels, label],
      }),
    })),
  );
}

const QUERY_VALUES = [
  '',
  '0',
  '-1',
  '1.5',
  '1e3',
  '99999999999999999999',
  '9007199254740993',
  'NaN',
  'Infinity',
  '0x10',
  '%205',
  '%00',
  '%ED%A0%80',
  '%',
  '%zz',
  'open',
  'done',
  'OPEN',
  '00000000-0000-0000-0000-000000000000',
  'a%26b%3Dc',
  '__proto__',
];

function queryMutation(names: readonly string[]): fc.Arbitrary<Mutation> {
  const name = fc.constantFrom(
    ...names,
    'limit',
    'after',
    'before',
    'status',
    'x',
    '',
    '__proto__',
    '%00',
  );
  const value = fc.oneof(
    fc.constantFrom(...QUERY_VALUES),
    longArb.map(([unit, n]) => encodeURIComponent(long(unit, n))),
  );
  const add = (label: string, pairs: (d: Draft) => string): Mutation => ({
    label,
    apply: (d) => {
      const extra = pairs(d);
      const query = d.query === '' ? `?${extra}` : `${d.query}&${extra}`;
      return {
        ...d,
        query: d.transport === 'http' ? query.slice(0, HTTP_LONG_MAX) : query,
        labels: [...d.labels, label],
      };
    },
  });
  return fc.oneof(
    fc.tuple(name, value).map(([n, v]) => add(`query ${n}=${v.slice(0, 40)}`, () => `${n}=${v}`)),
    fc
      .tuple(name, value, value)
      .map(([n, a, b]) =>
        add(`query ${n} twice`, () => `${n}=${a.slice(0, 200)}&${n}=${b.slice(0, 200)}`),
      ),
    fc
      .constantFrom('', '&&&', '=', '=x', 'limit', 'limit=', '#frag', '?')
      .map((raw) => add(`query ${JSON.stringify(raw)}`, () => raw)),
  );
}

// ---------------------------------------------------------------------------------------------

/** Zero to three mutations of a draft (none for about a fifth: valid requests count too). */
export function mutationsArb(
  ids: TrickIds,
  queryNames: readonly string[],
): fc.Arbitrary<Mutation[]> {
  const one = fc.oneof(
    { weight: 6, arbitrary: bodyPlaceMutation() },
    { weight: 3, arbitrary: wholeBodyMutation() },
    { weight: 3, arbitrary: headerMutation() },
    { weight: 3, arbitrary: pathMutation(ids) },
    { weight: 2, arbitrary: queryMutation(queryNames) },
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
    { weight: 4, arbitrary: fc.array(one, { minLength: 1, maxLength: 3 }) },
  );
}

export function applyAll(draft: Draft, mutations: readonly Mutation[]): Draft {
  return mutations.reduce((d, m) => m.apply(d), draft);
}
