import { createTestDatabase } from '@nudge/runtime/worker/testing';
import type { Sequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';
import { example } from '../test-support.ts';

/*
 * Optimistic concurrency of drafts: the revision (migration 006) answered as the ETag, and
 * If-Match on PUT /api/sequences/:id and on publish (etag.ts).
 */

const { sql } = await createTestDatabase();
const { app } = apiOn(sql);
const w = await createWorkspace(sql);
const t = w.tokens.editor;

/** A request with headers of our choosing; the answer's JSON and headers. */
async function send(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; token?: string } = {},
) {
  const { body, headers = {}, token = t } = options;
  const res = await app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    json: text ? JSON.parse(text) : null,
  };
}

const file = (id: string, name = 'Cold mail'): Sequence => ({ ...example('cold-mail'), id, name });
const put = (id: string, ifMatch: string | null, name = 'Cold mail') =>
  send('PUT', `/api/sequences/${id}`, {
    body: file(id, name),
    headers: ifMatch === null ? {} : { 'if-match': ifMatch },
  });
const stored = async (id: string) => {
  const [row] = await sql<Array<{ name: string; revision: number }>>`
    select name, revision from sequences where workspace_id = ${w.id} and id = ${id}`;
  return row;
};

describe('the revision of a draft', () => {
  it('starts at 1 and is bumped by every PUT, answered as a strong ETag', async () => {
    expect(await put('rev', null)).toMatchObject({
      status: 201,
      etag: '"1"',
      json: { id: 'rev', revision: 1 },
    });
    expect(await put('rev', null)).toMatchObject({ status: 200, etag: '"2"' });
    // The same draft again is still a write: a revision counts writes, not differences.
    expect(await put('rev', null)).toMatchObject({ status: 200, etag: '"3"' });
    expect((await send('GET', '/api/sequences/rev')).etag).toBe('"3"');
    expect((await send('GET', '/api/sequences/rev/export')).etag).toBe('"3"');
  });

  it('is bumped by any other write of the draft or its name, and by nothing else', async () => {
    await sql`update sequences set draft = draft || '{"description": "x"}'
              where workspace_id = ${w.id} and id = 'rev'`;
    expect((await stored('rev'))?.revision).toBe(4);
    await sql`update sequences set name = 'Renamed' where workspace_id = ${w.id} and id = 'rev'`;
    expect((await stored('rev'))?.revision).toBe(5);
    // Writing the same values, or another column, is no change of the draft.
    await sql`update sequences set draft = draft, name = name, updated_at = now()
              where workspace_id = ${w.id} and id = 'rev'`;
    expect((await stored('rev'))?.revision).toBe(5);
  });
});

describe('PUT /api/sequences/:id with If-Match', () => {
  it('replaces the draft when it is still at the revision named', async () => {
    await put('save', null);
    const saved = await put('save', '"1"', 'Saved');
    expect(saved).toMatchObject({ status: 200, etag: '"2"', json: { revision: 2 } });
    // A list of tags matches when any does; `*` and no If-Match write unconditionally.
    expect(await put('save', '"9", "2"')).toMatchObject({ status: 200, etag: '"3"' });
    expect(await put('save', '*')).toMatchObject({ status: 200, etag: '"4"' });
    expect(await put('fresh', '*')).toMatchObject({ status: 201, etag: '"1"' });
  });

  it('answers 412 draft_changed with the revision now, and changes nothing', async () => {
    await put('stale', null, 'First');
    await put('stale', null, 'Second');
    const before = await send('GET', '/api/sequences/stale/export');
    for (const ifMatch of ['"1"', '"3"', 'W/"2"', '"two"', '"1", W/"2"']) {
      const res = await put('stale', ifMatch, 'Third');
      expect(res.status, ifMatch).toBe(412);
      expect(res.json.error).toMatchObject({
        code: 'draft_changed',
        details: { sequenceId: 'stale', revision: 2, etag: '"2"' },
      });
      expect(res.json.error.message).toContain('changed since it was loaded');
    }
    expect(await stored('stale')).toEqual({ name: 'Second', revision: 2 });
    expect((await send('GET', '/api/sequences/stale/export')).json).toEqual(before.json);
  });

  it('answers 412 for a sequence that does not exist, and creates nothing', async () => {
    const res = await put('never-saved', '"1"');
    expect(res).toMatchObject({
      status: 412,
      json: { error: { code: 'draft_changed', details: { revision: null, etag: null } } },
    });
    expect(await stored('never-saved')).toBeUndefined();
  });

  it('answers 400 invalid_if_match for a header that is no entity tag, before reading the body', async () => {
    for (const ifMatch of ['2', '"2', 'W/2', ',', '"a"b"']) {
      const res = await send('PUT', '/api/sequences/save', {
        body: 'not even JSON',
        headers: { 'if-match': ifMatch },
      });
      expect(res.status, ifMatch).toBe(400);
      expect(res.json.error).toMatchObject({
        code: 'invalid_if_match',
        details: { header: 'If-Match' },
      });
    }
  });

  it('lets exactly one of two saves from the same revision win', async () => {
    await put('race', null);
    for (let round = 1; round <= 10; round++) {
      const etag = `"${round}"`;
      const [a, b] = await Promise.all([
        put('race', etag, `A${round}`),
        put('race', etag, `B${round}`),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? `A${round}` : `B${round}`;
      const loser = a.status === 200 ? b : a;
      expect(loser.json.error.details.revision).toBe(round + 1);
      expect(await stored('race')).toEqual({ name: winner, revision: round + 1 });
    }
  });

  it('lets exactly one win when both wait on the draft at once', async () => {
    await put('queued', null);
    let both: Promise<Array<Awaited<ReturnType<typeof put>>>> | undefined;
    // Hold the draft's row so that both saves reach their UPDATE and wait there together.
    await sql.begin(async (tx) => {
      await tx`select 1 from sequences where workspace_id = ${w.id} and id = 'queued' for update`;
      both = Promise.all([put('queued', '"1"', 'A'), put('queued', '"1"', 'B')]);
      for (let i = 0; i < 500; i++) {
        const [row] = await sql<Array<{ n: number }>>`
          select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query like '%update sequences set name%'`;
        if ((row?.n ?? 0) >= 2) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('the two saves never waited on the row together');
    });
    const [a, b] = (await both) ?? [];
    expect([a?.status, b?.status].sort()).toEqual([200, 412]);
    expect((await stored('queued'))?.revision).toBe(2);
  });

  it('is refused to a viewer (403), who may still load the draft', async () => {
    const res = await send('PUT', '/api/sequences/save', {
      body: file('save'),
      headers: { 'if-match': '"4"' },
      token: w.tokens.viewer,
    });
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect(await send('GET', '/api/sequences/save', { token: w.tokens.viewer })).toMatchObject({
      status: 200,
      etag: '"4"',
    });
  });
});

describe('POST /api/sequences/:id/publish with If-Match', () => {
  const versions = async (id: string) =>
    (
      await sql<Array<{ version: number }>>`
        select version from sequence_versions where workspace_id = ${w.id} and sequence_id = ${id}
        order by version`
    ).map((r) => r.version);

  it('publishes the draft only while it is at the revision named', async () => {
    await put('pub', null);
    const preview = await send('GET', '/api/sequences/pub/publish-preview');
    expect(preview.etag).toBe('"1"');
    // Someone saves meanwhile: the draft the preview showed is not the draft any more.
    await put('pub', null, 'Changed meanwhile');
    const refused = await send('POST', '/api/sequences/pub/publish', {
      headers: { 'if-match': preview.etag as string },
    });
    expect(refused).toMatchObject({
      status: 412,
      json: { error: { code: 'draft_changed', details: { revision: 2, etag: '"2"' } } },
    });
    expect(await versions('pub')).toEqual([]);

    const published = await send('POST', '/api/sequences/pub/publish', {
      body: {},
      headers: { 'if-match': '"2"' },
    });
    expect(published).toMatchObject({ status: 200, json: { version: 1 } });
    // Publishing does not write the draft: its revision stays.
    expect((await stored('pub'))?.revision).toBe(2);
    expect(
      (await send('POST', '/api/sequences/pub/publish', { headers: { 'if-match': '*' } })).json,
    ).toEqual({ version: 2 });
    expect(await versions('pub')).toEqual([1, 2]);
  });

  it('answers 404 for no sequence, If-Match or not, and 400 for a malformed one', async () => {
    const missing = await send('POST', '/api/sequences/nothing/publish', {
      headers: { 'if-match': '"1"' },
    });
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'sequence_not_found' } } });
    const bad = await send('POST', '/api/sequences/pub/publish', { headers: { 'if-match': '1' } });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'invalid_if_match' } } });
    expect(await versions('pub')).toEqual([1, 2]);
  });

  it('lets one of two publishes of the same revision through when the draft changes between', async () => {
    await put('pub-race', null);
    const [publish, save] = await Promise.all([
      send('POST', '/api/sequences/pub-race/publish', { headers: { 'if-match': '"1"' } }),
      put('pub-race', '"1"', 'Saved'),
    ]);
    expect(save.status).toBe(200);
    // Either the publish locked the draft first (version 1 of revision 1), or the save did
    // (then the publish sees revision 2 and refuses).
    if (publish.status === 200) {
      const [row] = await sql<Array<{ name: string }>>`
        select definition->>'name' as name from sequence_versions
        where workspace_id = ${w.id} and sequence_id = 'pub-race'`;
      expect(row?.name).toBe('Cold mail');
    } else {
      expect(publish.json.error.code).toBe('draft_changed');
      expect(await versions('pub-race')).toEqual([]);
    }
  });
});
