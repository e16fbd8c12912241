import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from './api.test-support.ts';
import { example } from './test-support.ts';

/*
 * NUL and lone surrogates, in every place a request carries text, are refused with a 422 that
 * names where, and nothing is stored. Each of these answered 500 before (PostgreSQL refuses
 * the text), and POST /api/validate called such files valid.
 */

const { sql } = await createTestDatabase();
const { call, app } = apiOn(sql);
const w = await createWorkspace(sql);
const t = w.tokens.editor;
await call(t, 'POST', '/api/sequences', example('onboarding'));
await call(t, 'POST', '/api/sequences/onboarding/publish');
await call(t, 'POST', '/api/contacts', { contacts: [{ id: 'c1', email: 'c1@a.example' }] });

/** Row counts of every table a request could write. */
async function stored() {
  const [row] = await sql`
    select (select count(*) from contacts)::int as contacts,
      (select count(*) from sequences)::int as sequences,
      (select count(*) from events)::int as events,
      (select count(*) from enrollments)::int as enrollments,
      (select string_agg(draft::text, '') from sequences) as drafts`;
  return row;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by path in assertions
const answer = async (res: Response): Promise<any> => res.json();

/** A raw JSON body, so that escapes reach the server exactly as written. */
const post = (path: string, json: string) =>
  app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
    body: json,
  });

describe('text that can not be stored, at the door', () => {
  it('in a JSON body: 422 invalid_text with the pointer, for every route with a body', async () => {
    const before = await stored();
    const cases: Array<[string, string, string]> = [
      ['/api/contacts', '{"contacts":[{"id":"c2","name":"김\\u0000민준"}]}', '/contacts/0/name'],
      ['/api/contacts', '{"contacts":[{"id":"c2","tags":["\\ud800"]}]}', '/contacts/0/tags/0'],
      ['/api/events', '{"contactId":"c1\\u0000","type":"opened"}', '/contactId'],
      ['/api/events', '{"contactId":"c1","type":"custom","name":"\\udfff"}', '/name'],
      [
        '/api/sequences/onboarding/enrollments',
        '{"contactIds":["c1","x\\u0000"]}',
        '/contactIds/1',
      ],
      [
        '/api/enrollments/00000000-0000-4000-8000-000000000000/stop',
        '{"reason":"\\u0000"}',
        '/reason',
      ],
      [
        '/api/contacts',
        '{"contacts":[{"id":"c2","attributes":{"k\\u0000":1}}]}',
        '/contacts/0/attributes/k\u0000',
      ],
    ];
    for (const [path, json, pointer] of cases) {
      const res = await post(path, json);
      const body = await answer(res);
      expect(res.status, json).toBe(422);
      expect(body.error.code, json).toBe('invalid_text');
      expect(body.error.details.pointer, json).toBe(pointer);
      expect(body.error.message, json).toMatch(/holds a (NUL character|lone surrogate)/);
    }
    expect(await stored()).toEqual(before);
  });

  it('in a sequence file: 422 invalid_sequence naming the node, and validate says invalid', async () => {
    const before = await stored();
    const file = example('onboarding');
    const text = JSON.stringify({ ...file, id: 'nul' }).replace('"name":"', '"name":"\\u0000');
    for (const [method, path] of [
      ['POST', '/api/sequences'],
      ['PUT', '/api/sequences/nul'],
    ] as const) {
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: text,
      });
      const body = await answer(res);
      expect(res.status, path).toBe(422);
      expect(body.error.details.errors[0]).toMatchObject({
        code: 'invalid_text',
        pointer: '/name',
      });
    }
    const nodeText = JSON.stringify(file).replace('"subject":"', '"subject":"\\ud83d');
    const validated = await answer(await post('/api/validate', nodeText));
    expect(validated.ok).toBe(false);
    expect(validated.errors[0]).toMatchObject({
      code: 'invalid_text',
      pointer: expect.stringMatching(/^\/nodes\/\d+\/data\/subject$/),
      nodeId: expect.any(String),
    });
    expect(await stored()).toEqual(before);
  });

  it('in a path or a query: 422 invalid_text, open routes included', async () => {
    for (const [path, details] of [
      ['/api/sequences/%00/export', { in: 'path' }],
      ['/api/sequences/onboarding%00/enrollments', { in: 'path' }],
      ['/api/sequences/%ED%A0%80/stats', { in: 'path' }],
      ['/api/tasks?assignee=%00', { parameter: 'assignee', in: 'query' }],
      ['/api/tasks?assignee=%ED%A0%80', { in: 'query' }],
      ['/api/outbox?before=1%00', { parameter: 'before', in: 'query' }],
      ['/api/health?x=%00', { parameter: 'x', in: 'query' }],
    ] as const) {
      const res = await app.request(path, { headers: { authorization: `Bearer ${t}` } });
      const body = await answer(res);
      expect(res.status, path).toBe(422);
      expect(body.error, path).toMatchObject({ code: 'invalid_text', details });
    }
  });

  it('lets every other character through: emoji, Korean, control characters other than NUL', async () => {
    const res = await post(
      '/api/contacts',
      JSON.stringify({ contacts: [{ id: 'c3', name: '김민준 😀 \u0001', tags: ['✓'] }] }),
    );
    expect(res.status).toBe(200);
    const [row] = await sql`select name from contacts where id = 'c3'`;
    expect(row?.name).toBe('김민준 😀 \u0001');
    const ok = await app.request('/api/sequences/%EA%B9%80/export', {
      headers: { authorization: `Bearer ${t}` },
    });
    expect(ok.status).toBe(404);
  });
});
