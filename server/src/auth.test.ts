import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from './api.test-support.ts';
import { hashToken } from './auth.ts';
import { readExample } from './test-support.ts';

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const a = await createWorkspace(sql, 'A');
const b = await createWorkspace(sql, 'B');
const file = JSON.parse(readExample('cold-mail'));

describe('bearer tokens', () => {
  it('refuses a call with no token, a malformed header or an unknown token: 401, alike', async () => {
    const none = await call(null, 'GET', '/api/sequences/cold-mail/export');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.json.error).toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('Bearer'),
    });
    const basic = await apiOn(sql).app.request('/api/sequences/x/export', {
      headers: { authorization: 'Basic abc' },
    });
    expect(basic.status).toBe(401);
    const wrong = await call('nope', 'GET', '/api/sequences/cold-mail/export');
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('unauthorized');
  });

  it('refuses a revoked token', async () => {
    const w = await createWorkspace(sql, 'revoked');
    await sql`update api_tokens set revoked_at = now() where token_hash = ${hashToken(w.tokens.admin)}`;
    expect((await call(w.tokens.admin, 'GET', '/api/sequences/x/stats')).status).toBe(401);
  });

  it('lets a viewer read and nothing more; editors and admins write', async () => {
    const denied = await call(a.tokens.viewer, 'POST', '/api/sequences', file);
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('forbidden');
    expect((await call(a.tokens.editor, 'POST', '/api/sequences', file)).status).toBe(201);
    expect((await call(a.tokens.viewer, 'GET', '/api/sequences/cold-mail/export')).status).toBe(
      200,
    );
    for (const [method, path, body] of [
      ['PUT', '/api/sequences/cold-mail', file],
      ['POST', '/api/sequences/cold-mail/publish', {}],
      ['POST', '/api/contacts', { contacts: [] }],
      ['POST', '/api/sequences/cold-mail/enrollments', { contactIds: [] }],
      ['POST', '/api/events', { contactId: 'x', type: 'opened' }],
    ] as const)
      expect((await call(a.tokens.viewer, method, path, body)).status, `${method} ${path}`).toBe(
        403,
      );
    const published = await call(a.tokens.admin, 'POST', '/api/sequences/cold-mail/publish');
    expect(published).toMatchObject({ status: 200, json: { version: 1 } });
  });

  it('keeps workspaces apart: B sees none of A and can enroll in none of it', async () => {
    await call(a.tokens.admin, 'POST', '/api/contacts', {
      contacts: [{ id: 'ana', email: 'ana@a.example' }],
    });
    expect((await call(b.tokens.admin, 'GET', '/api/sequences/cold-mail/export')).status).toBe(404);
    expect((await call(b.tokens.admin, 'GET', '/api/sequences/cold-mail/enrollments')).status).toBe(
      404,
    );
    expect((await call(b.tokens.admin, 'GET', '/api/sequences/cold-mail/stats')).status).toBe(404);
    expect((await call(b.tokens.admin, 'POST', '/api/sequences/cold-mail/publish')).status).toBe(
      404,
    );
    const enroll = await call(b.tokens.admin, 'POST', '/api/sequences/cold-mail/enrollments', {
      contactIds: ['ana'],
    });
    expect(enroll.status).toBe(404);
    const event = await call(b.tokens.admin, 'POST', '/api/events', {
      contactId: 'ana',
      type: 'replied',
    });
    expect(event.status).toBe(404);
    // B's own sequence of the same id is its own; A's contact is not one of B's.
    expect((await call(b.tokens.admin, 'POST', '/api/sequences', file)).status).toBe(201);
    await call(b.tokens.admin, 'POST', '/api/sequences/cold-mail/publish');
    const other = await call(b.tokens.admin, 'POST', '/api/sequences/cold-mail/enrollments', {
      contactIds: ['ana'],
    });
    expect(other.json).toEqual({
      enrolled: 0,
      skipped: [{ contactId: 'ana', reason: 'no such contact' }],
    });
    const [row] = await sql`select count(*)::int as n from events`;
    expect(row?.n).toBe(0);
  });

  it('notes when a token was last used, at most once a minute', async () => {
    const w = await createWorkspace(sql, 'touch');
    const lastUsed = async () =>
      (
        await sql<
          Array<{ at: Date | null }>
        >`select last_used_at as at from api_tokens where token_hash = ${hashToken(w.tokens.viewer)}`
      )[0]?.at;
    expect(await lastUsed()).toBeNull();
    await call(w.tokens.viewer, 'GET', '/api/sequences/x/stats');
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await call(w.tokens.viewer, 'GET', '/api/sequences/x/stats');
    expect((await lastUsed())?.getTime()).toBe(first?.getTime());
  });
});
