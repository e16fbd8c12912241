import { Agent, request } from 'node:http';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from './api.test-support.ts';
import type { AppOptions } from './app.ts';
import { hashToken } from './auth.ts';
import { silentLogger } from './log.ts';
import { startServer } from './start.ts';
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

describe('failed authentications, per client address (over real sockets)', () => {
  /** A server on this database for the test's body; closed after it. */
  async function withServer(options: AppOptions, body: (port: number) => Promise<void>) {
    const server = await startServer({
      port: 0,
      editorDir: null,
      sql,
      logger: silentLogger,
      ...options,
    });
    try {
      await body(server.port);
    } finally {
      await server.close();
    }
  }

  it('answers 429 with Retry-After past 10 wrong tokens, without looking tokens up', async () => {
    const w = await createWorkspace(sql, 'throttled');
    await withServer({}, async (port) => {
      const from = (localAddress: string, token: string | null, path = '/api/tasks') =>
        send(port, { localAddress, token, path });
      for (let i = 0; i < 10; i++)
        expect((await from('127.0.0.3', `wrong-${i}`)).status, `try ${i + 1}`).toBe(401);
      const refused = await from('127.0.0.3', 'wrong-10');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(5);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(6);
      expect(refused.headers['www-authenticate']).toBeUndefined();
      expect(JSON.parse(refused.body)).toEqual({
        error: {
          code: 'too_many_requests',
          message: expect.stringMatching(
            /too many wrong API tokens from this address: try again in \d s/,
          ),
          details: { retryAfter: Number(refused.headers['retry-after']) },
        },
      });
      // Even a valid token is not looked up from there (it would have been used, and accepted)…
      expect((await from('127.0.0.3', w.tokens.admin)).status).toBe(429);
      const validate = { localAddress: '127.0.0.3', token: w.tokens.viewer, body: '{}' };
      expect((await send(port, { ...validate, path: '/api/validate' })).status).toBe(429);
      const [token] = await sql<Array<{ at: Date | null }>>`
        select last_used_at as at from api_tokens where token_hash = ${hashToken(w.tokens.admin)}`;
      expect(token?.at).toBeNull();
      // …a call without one is the usual 401, and other addresses are not slowed.
      expect((await from('127.0.0.3', null)).status).toBe(401);
      expect((await from('127.0.0.4', w.tokens.admin)).status).toBe(200);
      expect((await from('127.0.0.4', 'wrong')).status).toBe(401);
    });
  });

  it('counts wrong tokens sent to POST /api/validate too', async () => {
    await withServer({ failedAuth: { free: 2 } }, async (port) => {
      const validate = (token: string) =>
        send(port, { localAddress: '127.0.0.5', token, path: '/api/validate', body: '{}' });
      expect((await validate('wrong-1')).status).toBe(401);
      expect((await validate('wrong-2')).status).toBe(401);
      expect((await validate('wrong-3')).status).toBe(429);
    });
  });

  it('forgives as the budget refills', async () => {
    const w = await createWorkspace(sql, 'refilled');
    await withServer({ failedAuth: { free: 2, refillMs: 300 } }, async (port) => {
      const from = (token: string) =>
        send(port, { localAddress: '127.0.0.6', token, path: '/api/tasks' });
      expect((await from('wrong-1')).status).toBe(401);
      expect((await from('wrong-2')).status).toBe(401);
      const refused = await from(w.tokens.viewer);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await from(w.tokens.viewer)).status).toBe(200);
    });
  });

  it('1,000 wrong tokens over 20 connections: a handful looked up, the rest 429', async () => {
    await withServer({}, async (port) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 20 });
      try {
        const answers = await Promise.all(
          Array.from({ length: 1000 }, (_, i) =>
            send(port, {
              localAddress: '127.0.0.7',
              token: `guess-${i}`,
              path: '/api/tasks',
              agent,
            }),
          ),
        );
        const statuses = answers.map((a) => a.status);
        expect(new Set(statuses)).toEqual(new Set([401, 429]));
        // Lookups already under way when the budget ran out still answer; at most one a connection.
        expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10 + 20);
      } finally {
        agent.destroy();
      }
    });
  });

  it('does not count calls that come without a socket (app.request, inside this process)', async () => {
    for (let i = 0; i < 30; i++)
      expect((await call(`wrong-${i}`, 'GET', '/api/tasks')).status).toBe(401);
  });
});

interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request from `localAddress` (any of 127.0.0.0/8 reaches loopback on Linux). */
function send(
  port: number,
  options: {
    localAddress: string;
    token: string | null;
    path: string;
    body?: string;
    agent?: Agent;
  },
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.body === undefined ? 'GET' : 'POST',
        localAddress: options.localAddress,
        agent: options.agent ?? false,
        headers: {
          ...(options.token === null ? {} : { authorization: `Bearer ${options.token}` }),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
