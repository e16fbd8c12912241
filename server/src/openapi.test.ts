import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';

/**
 * The error answers of the OpenAPI document, read from outside as a client would: each
 * operation documents the errors that its inputs call for, each error answer says which codes
 * it may carry, and every 4xx code the server's source throws is documented under its status.
 * (app.test.ts checks that every route is described and every $ref resolves;
 * openapi-lint.test.ts lints the document.)
 */

// biome-ignore lint/suspicious/noExplicitAny: a JSON document, read by path in assertions
type Doc = Record<string, any>;

const load = async (): Promise<Doc> => {
  const res = await createApp().request('/api/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
};

interface Operation {
  name: string;
  method: string;
  op: Doc;
}

const operationsOf = (doc: Doc): Operation[] =>
  Object.entries(doc.paths as Record<string, Doc>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      method,
      op: op as Doc,
    })),
  );

/** An answer, with a $ref to components/responses followed. */
const answerOf = (doc: Doc, op: Doc, status: number): Doc | undefined => {
  const answer = op.responses[String(status)];
  const name = typeof answer?.$ref === 'string' ? answer.$ref.split('/').pop() : undefined;
  return name ? doc.components.responses[name] : answer;
};

/** The error codes an answer says it may carry (its enum on `error.code`). */
const codesOf = (answer: Doc | undefined): string[] =>
  answer?.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? [];

describe('the error answers of the OpenAPI document', () => {
  it('are documented on every operation as its inputs call for', async () => {
    const doc = await load();
    const missing: string[] = [];
    const expectCodes = ({ name, op }: Operation, status: number, codes: string[]) => {
      const has = codesOf(answerOf(doc, op, status));
      for (const code of codes) if (!has.includes(code)) missing.push(`${name}: ${status} ${code}`);
    };
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(15);
    for (const operation of operations) {
      const { name, method, op } = operation;
      if (!Object.keys(op.responses).some((status) => /^2\d\d$/.test(status)))
        missing.push(`${name}: a 2xx`);
      // Behind the bearer token: no `security` of its own (the document's applies).
      if (op.security === undefined) {
        expectCodes(operation, 401, ['unauthorized']);
        expectCodes(operation, 429, ['too_many_requests']);
        if (method !== 'get') expectCodes(operation, 403, ['forbidden']);
      }
      if (op.requestBody) {
        expectCodes(operation, 400, ['invalid_json', 'invalid_encoding']);
        expectCodes(operation, 413, ['payload_too_large']);
        expectCodes(operation, 415, ['unsupported_media_type']);
      }
      // Any /api request may have a NUL in its path or query string, declared or not.
      expectCodes(operation, 422, ['invalid_text']);
    }
    expect(missing).toEqual([]);
  });

  it('name the routes that answer more: a token on validate, viewers on raw messages', async () => {
    const doc = await load();
    const validate = doc.paths['/api/validate'].post;
    // No token, or a bearer token that raises the body limit.
    expect(validate.security).toEqual([{}, { bearerAuth: [] }]);
    expect(Object.keys(validate.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '413',
      '415',
      '422',
      '429',
    ]);
    expect(validate.responses['422'].description).toMatch(/verdict/);
    expect(validate.responses['413'].description).toContain('limitWithToken');
    const raw = doc.paths['/api/outbox/{id}/raw'].get;
    expect(codesOf(answerOf(doc, raw, 403))).toEqual(['forbidden']);
    expect(raw.responses['403'].description).toMatch(/viewer/);
  });

  it('are each an Error that lists its codes, every code described, with its headers', async () => {
    const doc = await load();
    const wrong: string[] = [];
    for (const { name, op } of operationsOf(doc))
      for (const status of Object.keys(op.responses).filter((s) => /^4\d\d$/.test(s))) {
        const answer = answerOf(doc, op, Number(status));
        const schema = answer?.content?.['application/json']?.schema;
        const codes = codesOf(answer);
        if (schema?.allOf?.[0]?.$ref !== '#/components/schemas/Error')
          wrong.push(`${name} ${status}: not an Error`);
        if (codes.length === 0) wrong.push(`${name} ${status}: no codes`);
        for (const code of codes)
          if (!String(answer?.description).includes(`\`${code}\``))
            wrong.push(`${name} ${status}: ${code} not described`);
        if (status === '401' && !answer?.headers?.['WWW-Authenticate'])
          wrong.push(`${name} 401: no WWW-Authenticate`);
        if (status === '429' && answer?.headers?.['Retry-After']?.required !== true)
          wrong.push(`${name} 429: no Retry-After`);
      }
    expect(wrong).toEqual([]);
    const { error } = doc.components.schemas.Error.properties;
    expect(error.required).toEqual(['code', 'message']);
    expect(Object.keys(error.properties)).toEqual(['code', 'message', 'details']);
    for (const property of Object.values(error.properties as Record<string, Doc>))
      expect(property.description).toBeTypeOf('string');
  });

  it("cover every 4xx code the server's source throws, under its status", async () => {
    const doc = await load();
    const documented = new Set(
      operationsOf(doc).flatMap(({ op }) =>
        Object.keys(op.responses).flatMap((status) =>
          codesOf(answerOf(doc, op, Number(status))).map((code) => `${status} ${code}`),
        ),
      ),
    );
    const thrown = new Set(thrownCodes());
    // Sanity: the scan finds the errors of the body reader, the guard and a route.
    expect([...thrown]).toEqual(
      expect.arrayContaining(['400 invalid_json', '401 unauthorized', '409 sequence_exists']),
    );
    // These belong to no operation: the document's description says so for every path.
    for (const code of ['404 not_found', '405 method_not_allowed']) {
      expect(thrown.has(code), code).toBe(true);
      thrown.delete(code);
      expect(doc.info.description).toContain(`\`${code.split(' ')[1]}\``);
    }
    expect([...thrown].filter((code) => !documented.has(code)).sort()).toEqual([]);
  });
});

/**
 * `status code` of each `new ApiError(4xx, 'code', ...)` in the server's source (not its tests,
 * not the document itself). Codes passed through from elsewhere (EnrollError's) are not seen.
 */
function thrownCodes(): string[] {
  const dir = new URL('./', import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (file) =>
      file.endsWith('.ts') &&
      !/\.test(-support)?\.ts$|test-support\.ts$|(^|\/)openapi[^/]*\.ts$/.test(file),
  );
  expect(files.length).toBeGreaterThan(20);
  return files.flatMap((file) =>
    [
      ...readFileSync(new URL(file, dir), 'utf8').matchAll(
        /new ApiError\(\s*(4\d\d),\s*['"]([a-z_]+)['"]/g,
      ),
    ].map(([, status, code]) => `${status} ${code}`),
  );
}
