import fc from 'fast-check';
import { type Json, resolve } from './operations.test-support.ts';

/**
 * Values of a JSON Schema of the OpenAPI document, as fast-check arbitraries: what a request
 * the document describes looks like. Meant to be mostly valid, not exhaustive: the mutations
 * (mutations.test-support.ts) make it invalid. Where a schema says too little to be valid
 * (a contact is `{ type: "object" }`, an id is a string), hints give real values, by the
 * name of the component (`Sequence`) or of the property (`contactId`).
 */
export interface Hints {
  /** By component schema name: `Sequence`, `Rule`. */
  refs: Record<string, fc.Arbitrary<unknown>>;
  /** By property (or query parameter) name, for any schema of that name. */
  properties: Record<string, fc.Arbitrary<unknown>>;
}

const MAX_DEPTH = 6;

export function arbitraryOf(
  doc: Json,
  schema: Json,
  hints: Hints,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const hinted = name === undefined ? undefined : hints.properties[name];
  if (hinted) return hinted;
  if (typeof schema.$ref === 'string') {
    const refName = schema.$ref.split('/').at(-1) ?? '';
    const byRef = hints.refs[refName];
    if (byRef) return byRef;
    return arbitraryOf(doc, resolve(doc, schema), hints, name, depth + 1);
  }
  if (depth > MAX_DEPTH) return fc.constant(null);
  const next = (s: Json, n?: string) => arbitraryOf(doc, s, hints, n, depth + 1);

  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0)
      return fc.oneof(
        ...(options as Json[]).map((o) => next({ ...withoutKey(schema, key), ...o })),
      );
  }
  if (Array.isArray(schema.allOf)) {
    // The parts of an allOf are merged: good enough for the document's own uses.
    const merged = Object.assign(
      withoutKey(schema, 'allOf'),
      ...(schema.allOf as Json[]).map((part) => resolve(doc, part)),
    );
    return next(merged, name);
  }

  const types = Array.isArray(schema.type)
    ? (schema.type as string[])
    : typeof schema.type === 'string'
      ? [schema.type]
      : schema.properties
        ? ['object']
        : ['string', 'integer', 'boolean', 'object'];
  return fc.oneof(...types.map((type) => ofType(doc, schema, type, hints, depth)));
}

function ofType(
  doc: Json,
  schema: Json,
  type: string,
  hints: Hints,
  depth: number,
): fc.Arbitrary<unknown> {
  const next = (s: Json, n?: string) => arbitraryOf(doc, s, hints, n, depth + 1);
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1000;
      const max = typeof schema.maximum === 'number' ? schema.maximum : min + 10_000;
      return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    }
    case 'string':
      return stringOf(schema);
    case 'array': {
      const items = (schema.items ?? {}) as Json;
      return fc.array(next(items), {
        minLength: typeof schema.minItems === 'number' ? schema.minItems : 0,
        maxLength: Math.max(typeof schema.minItems === 'number' ? schema.minItems : 0, 3),
      });
    }
    default: {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const required = ((schema.required ?? []) as string[]).filter((k) => k in properties);
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, next(s, key)])),
        { requiredKeys: required },
      );
      const extra = schema.additionalProperties;
      if (typeof extra !== 'object' || extra === null) return record;
      // A map (`migrate`: node id → node id): a few entries.
      return fc
        .tuple(
          record,
          fc.dictionary(stringOf({}), next(extra as Json), { maxKeys: 3, noNullPrototype: true }),
        )
        .map(([fixed, more]) => ({ ...more, ...fixed }));
    }
  }
}

function stringOf(schema: Json): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time')
    return fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
      },
      // Where JavaScript's dates and PostgreSQL's timestamps part ways.
      { weight: 1, arbitrary: fc.constantFrom(...EDGE_DATE_TIMES) },
    );
  if (schema.format === 'email') return fc.emailAddress();
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 40;
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.min(maxLength, Math.max(minLength, 20)) }),
    fc.string({
      minLength,
      maxLength: Math.min(maxLength, Math.max(minLength, 20)),
      unit: 'grapheme',
    }),
  );
}

/** Instants at the edges: year 0 and 9999, leap days, 24:00, odd offsets, JavaScript's end. */
const EDGE_DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59.999999999Z',
  '2024-02-29T12:00:00+09:00',
  '2026-02-29T12:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T00:00:00+99:99',
  '2026-01-01T00:00:00-00:00',
  '2026-03-29T02:30:00+0100',
  '1969-12-31T23:59:59.999Z',
];

function withoutKey(schema: Json, key: string): Json {
  const { [key]: _dropped, ...rest } = schema;
  return rest;
}
