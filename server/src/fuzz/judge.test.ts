import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../api.test-support.ts';
import { openApiDocument } from '../openapi.ts';
import { judge } from './judge.test-support.ts';
import { documentedAnswers, type Json, operationsOf } from './operations.test-support.ts';
import type { FuzzRequest } from './request.test-support.ts';
import { changedTables, snapshotter } from './snapshot.test-support.ts';
import type { Answer } from './transport.test-support.ts';

/* The fuzzer's own judges (api.fuzz.test.ts): what they let through, and what they don't. */

const doc = JSON.parse(JSON.stringify(openApiDocument())) as Json;
const operations = operationsOf(doc);

const request = (method: string, path: string, transport: 'app' | 'http' = 'app'): FuzzRequest => ({
  operation: 'test',
  transport,
  method,
  path,
  caller: 'admin',
  headers: {},
  body: undefined,
  chunked: false,
  labels: [],
});
const answer = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: new Map(Object.entries(headers)),
  body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
  ms: 5,
});
const error = (code: string) => ({ error: { code, message: 'm' } });
const judged = (r: FuzzRequest, a: Answer, tooManyAllowed = false) =>
  judge(r, a, { doc, operations, maxMs: 1000, tooManyAllowed });

describe('documentedAnswers', () => {
  it("finds the operation of a request's method and path, as the router sees the path", () => {
    for (const path of [
      '/api/sequences/cold-mail/export',
      '/api/sequences/a%2Fb/export',
      '/api/x/../sequences/cold-mail/export',
      '/api/x/%2e%2e/sequences/cold-mail/export',
      '/%61pi/sequences/cold-mail/export?limit=1',
    ])
      expect(documentedAnswers(doc, operations, 'GET', path).operation?.id, path).toBe(
        'exportSequence',
      );
  });

  it('gives a path no operation has the answers the document promises any request', () => {
    const { operation, answers } = documentedAnswers(doc, operations, 'DELETE', '/api/tasks');
    expect(operation).toBeUndefined();
    expect(answers.get(404)).toEqual(['not_found']);
    expect(answers.get(405)).toEqual(['method_not_allowed']);
    expect(answers.get(401)).toEqual(['unauthorized']);
  });
});

describe('judge', () => {
  const get = request('GET', '/api/sequences/cold-mail/export');

  it('passes documented answers', () => {
    expect(judged(get, answer(200, {}))).toEqual([]);
    expect(judged(get, answer(404, error('sequence_not_found')))).toEqual([]);
    expect(
      judged(get, answer(401, error('unauthorized'), { 'www-authenticate': 'Bearer' })),
    ).toEqual([]);
  });

  it('fails a 5xx, a slow answer, and what the document does not say', () => {
    expect(judged(get, answer(500, error('internal_error')))[0]).toMatch(/fault of the server/);
    expect(judged(get, { ...answer(200, {}), ms: 1001 })[0]).toMatch(/over 1000 ms/);
    expect(judged(get, answer(409, error('sequence_exists')))[0]).toMatch(/does not document/);
    expect(judged(get, answer(404, error('task_not_found')))[0]).toMatch(/does not list/);
    expect(judged(get, answer(201, {}))[0]).toMatch(/does not document/);
    expect(
      judged(get, answer(401, error('unauthorized'), { 'www-authenticate': 'Basic' }))[0],
    ).toMatch(/WWW-Authenticate/);
  });

  it('fails an error answer of another shape', () => {
    for (const body of [
      '',
      'Bad Request',
      { error: 'not_found' },
      { error: { code: 'not_found' } },
      { error: { code: 'Not Found', message: 'm' } },
      { error: { code: 'not_found', message: 'm', stack: 'at …' } },
      { error: { code: 'not_found', message: 'm', details: [] } },
      { ...error('not_found'), extra: 1 },
    ])
      expect(judged(get, answer(404, body)), JSON.stringify(body)).not.toEqual([]);
  });

  it('takes a 429 only once the address has spent its wrong tokens, and with Retry-After', () => {
    const tooMany = answer(429, error('too_many_requests'), { 'retry-after': '6' });
    expect(judged(get, tooMany)[0]).toMatch(/before the address sent/);
    expect(judged(request('GET', get.path, 'http'), tooMany, true)).toEqual([]);
    const bare = answer(429, error('too_many_requests'));
    expect(judged(request('GET', get.path, 'http'), bare, true)[0]).toMatch(/Retry-After/);
  });

  it('takes a 400 bad_request, undocumented by any operation, only for requests refused before the app', () => {
    const badRequest = answer(400, error('bad_request'));
    expect(judged(request('GET', 'api/health', 'http'), badRequest)).toEqual([]);
    expect(judged(request('GET', '/api\\health', 'http'), badRequest)).toEqual([]);
    expect(judged(request('GET', 'api/health', 'http'), answer(400, ''))).not.toEqual([]);
    expect(judged(request('GET', 'api/health'), badRequest)).not.toEqual([]);
    expect(judged(request('GET', '/api/health', 'http'), badRequest)).not.toEqual([]);
  });
});

describe('snapshots of the database', () => {
  it('see any write to any table, even of the same values, but the last use of a token', async () => {
    const { sql } = await createTestDatabase();
    const snapshot = await snapshotter(sql);
    const w = await createWorkspace(sql);
    const before = await snapshot();
    expect(changedTables(before, await snapshot())).toEqual([]);
    await sql`update api_tokens set last_used_at = now() where workspace_id = ${w.id}`;
    expect(changedTables(before, await snapshot())).toEqual([]);
    await sql`update api_tokens set name = 'renamed' where workspace_id = ${w.id} and role = 'viewer'`;
    expect(changedTables(before, await snapshot())).toEqual(['public.api_tokens (3 → 3 rows)']);
    const now = await snapshot();
    await sql`select * from workspaces for update`;
    expect(changedTables(now, await snapshot())).toEqual([]);
    await sql`update workspaces set name = name`;
    expect(changedTables(now, await snapshot())).toEqual(['public.workspaces (1 → 1 rows)']);
    await sql`select graphile_worker.add_job('noop', '{}')`;
    expect(changedTables(before, await snapshot())).toContain(
      'graphile_worker._private_jobs (0 → 1 rows)',
    );
  });
});
