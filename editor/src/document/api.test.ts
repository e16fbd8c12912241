import { describe, expect, it, vi } from 'vitest';
import { ApiFailure, httpSequencesClient } from './api.ts';

/*
 * The client's requests and how it reads each status. The same client runs against the real
 * server in server/src/routes/editor-client.test.ts.
 */

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const apiError = (status: number, code: string, message: string, details?: unknown) =>
  json(status, { error: { code, message, ...(details ? { details } : {}) } });

/** The failure a call rejects with. */
async function failureOf(call: Promise<unknown>): Promise<ApiFailure> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('the call did not fail');
}

describe('httpSequencesClient', () => {
  it('saves with PUT, the bearer token and If-Match set to the revision loaded', async () => {
    const fetchFn = vi.fn(async () => json(200, { id: 'cold-mail', revision: 4 }, { etag: '"4"' }));
    const client = httpSequencesClient('t0ken', fetchFn);
    const file = { format: 'nudge.sequence/v1', id: 'cold-mail', name: 'Cold mail' };
    expect(await client.save('cold-mail', file, 3)).toEqual({ id: 'cold-mail', revision: 4 });
    expect(fetchFn).toHaveBeenCalledWith('/api/sequences/cold-mail', {
      method: 'PUT',
      headers: {
        authorization: 'Bearer t0ken',
        accept: 'application/json',
        'content-type': 'application/json',
        'if-match': '"3"',
      },
      body: JSON.stringify(file),
    });
  });

  it('creates with POST and no If-Match; publishes with If-Match and the mapping, or no body', async () => {
    const fetchFn = vi.fn(async (_url: string | URL | Request, init?: RequestInit) =>
      init?.method === 'POST' && String(_url).endsWith('/publish')
        ? json(200, { version: 2 })
        : json(201, { id: 'new-one', revision: 1 }),
    );
    const client = httpSequencesClient('t', fetchFn);
    expect(await client.create({ name: 'New one' })).toEqual({ id: 'new-one', revision: 1 });
    expect(fetchFn.mock.calls[0]?.[1]?.headers).not.toHaveProperty('if-match');
    await client.publish('a b', 7, { old: 'new' });
    expect(fetchFn.mock.calls[1]).toEqual([
      '/api/sequences/a%20b/publish',
      {
        method: 'POST',
        headers: {
          authorization: 'Bearer t',
          accept: 'application/json',
          'content-type': 'application/json',
          'if-match': '"7"',
        },
        body: '{"migrate":{"old":"new"}}',
      },
    ]);
    await client.publish('a', 7);
    expect(fetchFn.mock.calls[2]?.[1]).toEqual({
      method: 'POST',
      headers: { authorization: 'Bearer t', accept: 'application/json', 'if-match': '"7"' },
    });
  });

  it('reads a 412 as draft_changed with the revision the draft is at now', async () => {
    const client = httpSequencesClient('t', async () =>
      apiError(412, 'draft_changed', 'the draft of "x" changed since it was loaded', {
        sequenceId: 'x',
        revision: 5,
        etag: '"5"',
      }),
    );
    const failure = await failureOf(client.save('x', {}, 3));
    expect(failure).toMatchObject({ kind: 'draft_changed', status: 412, code: 'draft_changed' });
    expect(failure.currentRevision).toBe(5);
    expect(failure.message).toContain('changed since it was loaded');
  });

  it('reads a 412 for a draft that is gone with no revision', async () => {
    const client = httpSequencesClient('t', async () =>
      apiError(412, 'draft_changed', 'there is no sequence "x"', {
        sequenceId: 'x',
        revision: null,
      }),
    );
    expect((await failureOf(client.save('x', {}, 3))).currentRevision).toBeNull();
  });

  it('counts the validator’s errors of a 422', async () => {
    const client = httpSequencesClient('t', async () =>
      apiError(422, 'invalid_sequence', 'the sequence file is not valid: 2 errors', {
        errors: [{ code: 'a' }, { code: 'b' }],
        warnings: [],
      }),
    );
    const failure = await failureOf(client.create({}));
    expect(failure.kind).toBe('invalid');
    expect(failure.errorCount).toBe(2);
  });

  it('tells each status the person can act on apart', async () => {
    const kinds = [];
    for (const [status, code] of [
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'sequence_not_found'],
      [409, 'sequence_exists'],
      [400, 'invalid_if_match'],
    ] as const) {
      const client = httpSequencesClient('t', async () => apiError(status, code, `said ${code}`));
      const failure = await failureOf(client.load('x'));
      expect(failure.message).toBe(`said ${code}`);
      kinds.push(failure.kind);
    }
    expect(kinds).toEqual(['token_refused', 'not_allowed', 'not_found', 'exists', 'other']);
  });

  it('says a dropped connection is one, whether fetch throws, a proxy answers 502 or the answer is cut off', async () => {
    const dropped = httpSequencesClient('t', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await failureOf(dropped.list())).toMatchObject({
      kind: 'offline',
      message: 'Failed to fetch',
      status: null,
    });
    const proxy = httpSequencesClient('t', async () => new Response('<html>', { status: 502 }));
    expect(await failureOf(proxy.list())).toMatchObject({ kind: 'offline', message: 'HTTP 502' });
    const cut = httpSequencesClient(
      't',
      async () => new Response('{"sequences": [', { status: 200 }),
    );
    expect((await failureOf(cut.list())).kind).toBe('offline');
  });

  it('lists up to the largest page, and loads and previews by the id in the path', async () => {
    const fetchFn = vi.fn(async () => json(200, { sequences: [{ id: 'a' }] }));
    const client = httpSequencesClient('t', fetchFn, 'http://127.0.0.1:3111');
    expect(await client.list()).toEqual([{ id: 'a' }]);
    await client.load('a/b');
    await client.preview('a');
    expect(fetchFn.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      'http://127.0.0.1:3111/api/sequences?limit=1000',
      'http://127.0.0.1:3111/api/sequences/a%2Fb',
      'http://127.0.0.1:3111/api/sequences/a/publish-preview',
    ]);
  });
});
