import fc from 'fast-check';
import { type Json, type Operation, resolve } from './operations.test-support.ts';
import type { Caller, Draft } from './request.test-support.ts';
import { arbitraryOf, type Hints } from './schema-arbitrary.test-support.ts';

/**
 * Valid requests of an operation, drawn from the document: a caller its security admits, the
 * path's parameters (real ids of the collection they follow, or values of their schema), some
 * of its query parameters, and a body of its schema (with the fixtures' hints). And one
 * example, the same every run, that must be answered with a 2xx: the document's own example
 * when it gives one, else a body known to be valid, else one drawn from the schema.
 */
export interface DraftSource {
  doc: Json;
  hints: Hints;
  /**
   * Real ids by collection (sequences, tasks, outbox...); under an operation id, the ids its
   * example request takes instead (a delete takes one nothing else's example needs).
   */
  ids: Record<string, string[]>;
  /** Valid bodies by operation id, for schemas that say too little (fixtures). */
  validBodies: Record<string, unknown>;
}

export function draftsOf(op: Operation, source: DraftSource): fc.Arbitrary<Draft> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const params = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, paramValue(op, p.name, p.schema, source)])),
  );
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(
          arbitraryOf(source.doc, p.schema, source.hints, p.name).map(
            (v) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(v))}`,
          ),
          { freq: 2 },
        ),
      ),
    )
    .map((pairs) => {
      const given = pairs.filter((p): p is string => p !== null);
      return given.length === 0 ? '' : `?${given.join('&')}`;
    });
  const examples = exampleBodies(op, source);
  const body = op.body
    ? fc.oneof(
        { weight: 3, arbitrary: arbitraryOf(source.doc, op.body.schema, source.hints) },
        ...(examples.length > 0
          ? [
              { weight: 1, arbitrary: fc.constantFrom(...examples) },
              { weight: 2, arbitrary: grown(examples, op.body.schema, source) },
            ]
          : []),
      )
    : fc.constant(undefined);
  return fc
    .record({
      transport: fc.oneof(
        { weight: 4, arbitrary: fc.constant<'app' | 'http'>('app') },
        { weight: 1, arbitrary: fc.constant<'app' | 'http'>('http') },
      ),
      caller: fc.constantFrom(...validCallers(op)),
      params,
      query,
      body: op.body && !op.body.required ? fc.option(body, { freq: 4 }) : body,
    })
    .map(({ transport, caller, params, query, body }) => ({
      operation: op.id,
      transport,
      method: op.method,
      template: op.path,
      params,
      query,
      rewrites: [],
      caller,
      contentType: body === undefined || body === null ? null : 'application/json',
      body: body === undefined || body === null ? undefined : { json: body, splices: {} },
      chunked: false,
      labels: [],
    }));
}

/** The request every run starts an operation with, answered with a 2xx (see above). */
export function exampleDraft(op: Operation, source: DraftSource): Draft {
  const params = Object.fromEntries(
    op.parameters
      .filter((p) => p.in === 'path')
      .map((p) => {
        const real = (source.ids[op.id] ?? source.ids[collectionOf(op.path, p.name)])?.[0];
        const value =
          real ??
          String(
            fc.sample(arbitraryOf(source.doc, p.schema, source.hints), { seed: 1, numRuns: 1 })[0],
          );
        return [p.name, encodeURIComponent(value)];
      }),
  );
  const body = op.body
    ? (exampleBodies(op, source)[0] ??
      fc.sample(arbitraryOf(source.doc, op.body.schema, source.hints), { seed: 1, numRuns: 1 })[0])
    : undefined;
  return {
    operation: op.id,
    transport: 'app',
    method: op.method,
    template: op.path,
    params,
    query: '',
    rewrites: [],
    caller: op.security === 'open' ? 'none' : 'admin',
    contentType: body === undefined ? null : 'application/json',
    body: body === undefined ? undefined : { json: body, splices: {} },
    chunked: false,
    labels: ['the example'],
  };
}

/**
 * A valid example with one property of its schema set to a value drawn from it: an odd value
 * of one field (a date at the edge of the calendar) then meets an otherwise valid request,
 * which a body drawn whole from a loose schema seldom is.
 */
function grown(examples: unknown[], schema: Json, source: DraftSource): fc.Arbitrary<unknown> {
  const properties = (resolve(source.doc, schema).properties ?? {}) as Record<string, Json>;
  const names = Object.keys(properties);
  if (names.length === 0) return fc.constantFrom(...examples);
  const one = fc.constantFrom(...names).chain((name) =>
    arbitraryOf(source.doc, properties[name] as Json, source.hints, name).map((value) => ({
      [name]: value,
    })),
  );
  return fc
    .tuple(fc.constantFrom(...examples), one)
    .map(([example, extra]) =>
      typeof example === 'object' && example !== null && !Array.isArray(example)
        ? { ...example, ...extra }
        : example,
    );
}

function exampleBodies(op: Operation, source: DraftSource): unknown[] {
  return [
    ...(op.body?.examples ?? []),
    ...(op.id in source.validBodies ? [source.validBodies[op.id]] : []),
  ];
}

function validCallers(op: Operation): Caller[] {
  if (op.security === 'open') return ['none'];
  if (op.security === 'optional') return ['none', 'admin', 'viewer'];
  // Viewers may only read: their token is a valid caller of GETs, a mutation of the rest.
  return op.method === 'GET' ? ['admin', 'editor', 'viewer'] : ['admin', 'editor'];
}

function paramValue(op: Operation, name: string, schema: Json, source: DraftSource) {
  const real = source.ids[collectionOf(op.path, name)] ?? [];
  const drawn = arbitraryOf(source.doc, schema, source.hints).map(String);
  const value =
    real.length > 0
      ? fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...real) },
          { weight: 1, arbitrary: drawn },
        )
      : drawn;
  return value.map(encodeURIComponent);
}

/** The collection a path parameter names an item of: `tasks` in /api/tasks/{id}/complete. */
function collectionOf(template: string, name: string): string {
  const segments = template.split('/');
  const i = segments.indexOf(`{${name}}`);
  return i > 0 ? (segments[i - 1] as string) : '';
}
