import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from './api.test-support.ts';
import { readExample } from './test-support.ts';

/*
 * Every operation of the OpenAPI document, called by every kind of caller: the role matrix
 * comes from the document itself, so a route added there is checked here with nothing to add.
 *
 * What the document says, and what it means for each caller:
 * - `security: []`: open; anyone is answered (never 401 or 403).
 * - `security` with `{}` among its options: a token is optional; without one the call is
 *   answered, a wrong one is a 401, any role's is answered.
 * - otherwise a token is needed: none or a wrong one is a 401; editors and admins are answered;
 *   a viewer is refused (403) exactly where the operation documents a 403. No route refuses
 *   editors or admins yet: the one that does will need the document to say whom it refuses.
 * "Answered" is any status but 401, 403 and 429, and never a 5xx.
 */

const { sql } = await createTestDatabase();
const { app, call } = apiOn(sql);
const w = await createWorkspace(sql, 'roles');

// Something real behind each path parameter, so that allowed calls reach their handlers' work.
const admin = w.tokens.admin;
expect(
  (await call(admin, 'POST', '/api/sequences', JSON.parse(readExample('cold-mail')))).status,
).toBe(201);
expect((await call(admin, 'POST', '/api/sequences/cold-mail/publish', {})).status).toBe(200);
await call(admin, 'POST', '/api/contacts', {
  contacts: [{ id: 'c1', email: 'c1@hanbit.example' }],
});
await call(admin, 'POST', '/api/sequences/cold-mail/enrollments', { contactIds: ['c1'] });
const [enrollmentRow] = await sql<Array<{ id: string }>>`
  select id from enrollments where workspace_id = ${w.id}`;
const enrollment = enrollmentRow?.id as string;
const [message] = await sql<Array<{ id: string }>>`
  insert into messages (workspace_id, enrollment_id, node, channel, status, content, sent_at)
  values (${w.id}, ${enrollment}, 'welcome', 'email', 'sent', '{}', now()) returning id`;
await sql`insert into captured_mail (message_id, workspace_id, raw)
          values (${message?.id as string}, ${w.id}, ${Buffer.from('Subject: hi\r\n\r\nhi\r\n')})`;
const [task] = await sql<Array<{ id: string }>>`
  insert into tasks (workspace_id, enrollment_id, node, kind, title)
  values (${w.id}, ${enrollment}, 'call', 'call', 'Call') returning id`;
/** The value of a path's `{param}`, by the collection it follows (`/api/<collection>/{id}`). */
const ids: Record<string, string> = {
  sequences: 'cold-mail',
  outbox: String(message?.id),
  tasks: String(task?.id),
  enrollments: enrollment,
};

type Caller = 'admin' | 'editor' | 'viewer' | 'no token' | 'wrong token';
const CALLERS: Caller[] = ['admin', 'editor', 'viewer', 'no token', 'wrong token'];
const tokenOf = (caller: Caller): string | null =>
  caller === 'no token'
    ? null
    : caller === 'wrong token'
      ? 'not-a-token-of-this-workspace'
      : w.tokens[caller];

interface Operation {
  method: string;
  path: string;
  security?: Array<Record<string, unknown>>;
  responses: Record<string, unknown>;
  requestBody?: unknown;
}

type Expected = 'answered' | 401 | 403;

/** What `caller` should get from `op`, by the document. */
function expected(op: Operation, caller: Caller): Expected {
  if (op.security?.length === 0) return 'answered';
  const optional = op.security?.some((option) => Object.keys(option).length === 0) ?? false;
  if (caller === 'no token') return optional ? 'answered' : 401;
  if (caller === 'wrong token') return 401;
  if (caller === 'viewer' && '403' in op.responses) return 403;
  return 'answered';
}

const doc = (await (await app.request('/api/openapi.json')).json()) as {
  paths: Record<string, Record<string, Operation>>;
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
);

/** The document's path with real ids; an unknown collection gets an id that finds nothing. */
const concrete = (path: string) =>
  path.replace(
    /\/([^/]+)\/\{[^}]+\}/g,
    (_, collection: string) => `/${collection}/${encodeURIComponent(ids[collection] ?? 'x')}`,
  );

describe('the role matrix of every operation in the OpenAPI document', () => {
  it('covers the whole document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(17);
    // Writes need a token and refuse viewers: each must say so, or its row below fails.
    for (const op of operations.filter((o) => o.method !== 'GET' && o.security?.length !== 0))
      if (!op.security?.some((s) => Object.keys(s).length === 0))
        expect(op.responses, `${op.method} ${op.path}`).toHaveProperty('403');
  });

  describe.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))('%s', (_, op) => {
    it.each(CALLERS)('%s', async (caller) => {
      const res = await send(
        tokenOf(caller),
        op.method,
        concrete(op.path),
        op.requestBody === undefined ? undefined : '{}',
      );
      const want = expected(op, caller);
      const what = `${op.method} ${concrete(op.path)} as ${caller}: ${res.status} ${JSON.stringify(res.json)}`;
      expect(res.status, what).toBeLessThan(500);
      if (want === 'answered') {
        expect([401, 403, 429], what).not.toContain(res.status);
      } else {
        expect(res.status, what).toBe(want);
        expect(res.json.error.code, what).toBe(want === 401 ? 'unauthorized' : 'forbidden');
      }
    });
  });
});

/** A request as a client sends it; the answer's JSON when it is JSON (raw mail is not). */
async function send(token: string | null, method: string, path: string, body?: string) {
  const res = await app.request(path, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by path in assertions
  const json: any = isJson && text ? JSON.parse(text) : undefined;
  return { status: res.status, json };
}
