import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { writeSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';
import { sequenceIdFromName } from '../sequence-file.ts';
import { brokenSequence, example } from '../test-support.ts';

const { sql } = await createTestDatabase();
const { app, call } = apiOn(sql);
const { tokens } = await createWorkspace(sql);
const t = tokens.editor;

/** The export as it comes: its bytes and headers. */
const exportOf = async (id: string, token = t) => {
  const res = await app.request(`/api/sequences/${id}/export`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

describe('POST /api/sequences', () => {
  it('imports a file: 201 { id, revision: 1 } with its ETag, and the export gives it back', async () => {
    const file = example('onboarding');
    const created = await call(t, 'POST', '/api/sequences', file);
    expect(created).toMatchObject({ status: 201, json: { id: 'onboarding', revision: 1 } });
    expect(created.headers.get('etag')).toBe('"1"');
    const exported = await call(t, 'GET', '/api/sequences/onboarding/export');
    expect(exported.status).toBe(200);
    expect(exported.json).toEqual(file);
  });

  it('derives the id from the name when the file has none', async () => {
    const { id: _, ...file } = example('cold-mail');
    const created = await call(t, 'POST', '/api/sequences', { ...file, name: 'Café Follow-up #2' });
    expect(created).toMatchObject({ status: 201, json: { id: 'cafe-follow-up-2' } });
    expect((await call(t, 'GET', '/api/sequences/cafe-follow-up-2/export')).json.id).toBe(
      'cafe-follow-up-2',
    );
    expect(sequenceIdFromName('콜드 메일')).toMatch(/^sequence-[0-9a-f]{8}$/);
  });

  it('refuses an id in use with 409, and changes nothing', async () => {
    const again = await call(t, 'POST', '/api/sequences', {
      ...example('onboarding'),
      name: 'Other',
    });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({
      code: 'sequence_exists',
      details: { sequenceId: 'onboarding' },
    });
    expect(again.json.error.message).toContain('PUT /api/sequences/onboarding');
    expect((await call(t, 'GET', '/api/sequences/onboarding/export')).json.name).not.toBe('Other');
  });

  it('answers 422 with the validator problems (pointers, node and edge ids) and stores nothing', async () => {
    const res = await call(t, 'POST', '/api/sequences', { ...brokenSequence(), id: 'broken' });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('invalid_sequence');
    expect(res.json.error.details.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'unknown_property',
          nodeId: 'welcome',
          pointer: '/nodes/1/data/bogus',
        }),
        expect.objectContaining({
          code: 'unknown_handle',
          edgeId: 'e3',
          pointer: '/edges/2/sourceHandle',
        }),
        expect.objectContaining({ code: 'unreachable', nodeId: 'lonely' }),
      ]),
    );
    expect((await call(t, 'GET', '/api/sequences/broken/export')).status).toBe(404);
  });

  it('answers 400 for a body that is not JSON, 415 for one that is not sent as JSON', async () => {
    const res = await call(t, 'POST', '/api/sequences', '{"format": ');
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_json', details: { line: 1 } });
    const { app } = apiOn(sql);
    const form = await app.request('/api/sequences', {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });
});

describe('PUT /api/sequences/:id', () => {
  it('replaces the draft (200), or creates it (201)', async () => {
    const file = { ...example('onboarding'), name: 'Renamed' };
    expect((await call(t, 'PUT', '/api/sequences/onboarding', file)).status).toBe(200);
    expect((await call(t, 'GET', '/api/sequences/onboarding/export')).json.name).toBe('Renamed');
    const { id: _, ...noId } = example('contract-renewal');
    expect(await call(t, 'PUT', '/api/sequences/renewal', noId)).toMatchObject({
      status: 201,
      json: { id: 'renewal' },
    });
  });

  it('refuses a file whose id is not the path id (422), a bad id (400), an invalid file (422)', async () => {
    expect(
      (await call(t, 'PUT', '/api/sequences/other', example('onboarding'))).json.error.code,
    ).toBe('id_mismatch');
    expect((await call(t, 'PUT', '/api/sequences/Bad%20Id', example('onboarding'))).status).toBe(
      400,
    );
    expect((await call(t, 'PUT', '/api/sequences/onboarding', brokenSequence())).status).toBe(422);
  });
});

describe('POST /api/sequences/:id/publish', () => {
  it('freezes the draft as versions 1, 2, … with or without a body', async () => {
    expect(await call(t, 'POST', '/api/sequences/onboarding/publish')).toMatchObject({
      status: 200,
      json: { version: 1 },
    });
    expect(await call(t, 'POST', '/api/sequences/onboarding/publish', {})).toMatchObject({
      json: { version: 2 },
    });
    const [row] =
      await sql`select definition->>'name' as name from sequence_versions where sequence_id = 'onboarding' and version = 2`;
    expect(row?.name).toBe('Renamed');
  });

  it('checks the node-id mapping against the old and new versions, and keeps it', async () => {
    const bad = await call(t, 'POST', '/api/sequences/onboarding/publish', {
      migrate: { nope: 'welcome', welcome: 'gone' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.problems).toEqual([
      { pointer: '/migrate/nope', message: '"nope" is not a node of the published version' },
      { pointer: '/migrate/welcome', message: '"gone" is not a node of the draft' },
    ]);
    const ok = await call(t, 'POST', '/api/sequences/onboarding/publish', {
      migrate: { welcome: 'welcome' },
    });
    expect(ok.json).toMatchObject({ version: 3 });
    const [row] =
      await sql`select migrate from sequence_versions where sequence_id = 'onboarding' and version = 3`;
    expect(row?.migrate).toEqual({ welcome: 'welcome' });
  });

  it('answers 400 for a malformed body, 422 for a mapping on a first version, 404 for no sequence', async () => {
    expect(
      (await call(t, 'POST', '/api/sequences/onboarding/publish', { migrate: [1] })).status,
    ).toBe(400);
    expect(
      (await call(t, 'POST', '/api/sequences/onboarding/publish', { migrat: {} })).json.error.code,
    ).toBe('unknown_property');
    expect((await call(t, 'POST', '/api/sequences/onboarding/publish', 'nope')).status).toBe(400);
    expect(
      (await call(t, 'POST', '/api/sequences/renewal/publish', { migrate: { a: 'b' } })).status,
    ).toBe(422);
    const missing = await call(t, 'POST', '/api/sequences/missing/publish');
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'sequence_not_found' } } });
    expect((await call(t, 'GET', '/api/sequences/missing/export')).status).toBe(404);
  });
});

describe('GET /api/sequences/:id/export', () => {
  it('answers the canonical text, byte for byte, as a download with the ETag', async () => {
    const res = await exportOf('onboarding');
    expect(res.status).toBe(200);
    const [row] = await sql<Array<{ draft: unknown; revision: number }>>`
      select draft, revision from sequences where id = 'onboarding'`;
    expect(res.text).toBe(writeSequence(row?.draft));
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="onboarding.json"');
    expect(res.headers.get('etag')).toBe(`"${row?.revision}"`);
    // Keys in the format's order, whatever order the stored JSON has them in (jsonb sorts them).
    expect(Object.keys(JSON.parse(res.text))).toEqual([
      'format',
      'id',
      'name',
      'description',
      'settings',
      'nodes',
      'edges',
    ]);
  });

  it('export → import → export is byte-identical, in another workspace too', async () => {
    const first = await exportOf('onboarding');
    const other = await createWorkspace(sql, 'Elsewhere');
    const imported = await call(other.tokens.editor, 'POST', '/api/sequences', first.text);
    expect(imported.status).toBe(201);
    expect((await exportOf('onboarding', other.tokens.editor)).text).toBe(first.text);
    // And through PUT, of the same workspace.
    expect((await call(t, 'PUT', '/api/sequences/onboarding', first.text)).status).toBe(200);
    expect((await exportOf('onboarding')).text).toBe(first.text);
  });
});

describe('GET /api/sequences/:id', () => {
  it('answers the draft, its revision as the ETag, and the latest published version', async () => {
    const file = { ...example('cold-mail'), id: 'loaded' };
    await call(t, 'POST', '/api/sequences', file);
    const res = await call(tokens.viewer, 'GET', '/api/sequences/loaded');
    expect(res).toMatchObject({
      status: 200,
      json: {
        id: 'loaded',
        name: file.name,
        revision: 1,
        draft: file,
        published: null,
        publishedStepIds: [],
      },
    });
    expect(Object.keys(res.json)).toEqual([
      'id',
      'name',
      'revision',
      'draft',
      'published',
      'publishedStepIds',
    ]);
    expect(res.headers.get('etag')).toBe('"1"');

    await call(t, 'POST', '/api/sequences/loaded/publish');
    await call(t, 'PUT', '/api/sequences/loaded', { ...file, name: 'Loaded again' });
    const after = await call(tokens.viewer, 'GET', '/api/sequences/loaded');
    expect(after.json).toMatchObject({ name: 'Loaded again', revision: 2 });
    expect(after.json.published).toEqual({ version: 1, publishedAt: expect.any(String) });
    expect(Date.now() - Date.parse(after.json.published.publishedAt)).toBeLessThan(60_000);
    expect(after.headers.get('etag')).toBe('"2"');
  });

  it('lists the step ids of every published version, those the draft no longer has too', async () => {
    const file = { ...example('cold-mail'), id: 'retired' };
    const stepIds = (f: { nodes: Array<{ id: string }> }) => f.nodes.map((n) => n.id);
    await call(t, 'POST', '/api/sequences', file);
    const before = await call(tokens.viewer, 'GET', '/api/sequences/retired');
    expect(before.json.publishedStepIds).toEqual([]);
    await call(t, 'POST', '/api/sequences/retired/publish');
    // Version 2 renames the last step; the draft then renames it once more.
    const renamed = (id: string) =>
      JSON.parse(JSON.stringify(file).replaceAll('"check-engagement"', `"${id}"`));
    expect((await call(t, 'PUT', '/api/sequences/retired', renamed('check-2'))).status).toBe(200);
    expect((await call(t, 'POST', '/api/sequences/retired/publish')).status).toBe(200);
    await call(t, 'PUT', '/api/sequences/retired', renamed('check-3'));
    const res = await call(tokens.viewer, 'GET', '/api/sequences/retired');
    expect(res.json.published).toMatchObject({ version: 2 });
    expect(res.json.publishedStepIds).toEqual([...stepIds(file), 'check-2'].sort());
    expect(res.json.publishedStepIds).not.toContain('check-3');
  });

  it('answers 404 for a sequence of another workspace or none', async () => {
    const other = await createWorkspace(sql, 'Other');
    const res = await call(other.tokens.viewer, 'GET', '/api/sequences/loaded');
    expect(res).toMatchObject({ status: 404, json: { error: { code: 'sequence_not_found' } } });
    expect((await call(t, 'GET', '/api/sequences/nope')).status).toBe(404);
  });
});

describe('GET /api/sequences', () => {
  it("lists the workspace's sequences by id, a page at a time", async () => {
    const w = await createWorkspace(sql, 'Lister');
    const editor = w.tokens.editor;
    for (const id of ['b-seq', 'a-seq', 'c-seq'])
      await call(editor, 'POST', '/api/sequences', { ...example('cold-mail'), id, name: id });
    await call(editor, 'POST', '/api/sequences/b-seq/publish');
    await call(editor, 'POST', '/api/sequences/b-seq/publish');
    await call(editor, 'PUT', '/api/sequences/c-seq', {
      ...example('cold-mail'),
      id: 'c-seq',
      name: 'C',
    });

    const all = await call(w.tokens.viewer, 'GET', '/api/sequences');
    expect(all.status).toBe(200);
    expect(all.json.sequences).toEqual([
      {
        id: 'a-seq',
        name: 'a-seq',
        revision: 1,
        publishedVersion: null,
        updatedAt: expect.any(String),
      },
      {
        id: 'b-seq',
        name: 'b-seq',
        revision: 1,
        publishedVersion: 2,
        updatedAt: expect.any(String),
      },
      {
        id: 'c-seq',
        name: 'C',
        revision: 2,
        publishedVersion: null,
        updatedAt: expect.any(String),
      },
    ]);
    expect(all.headers.get('link')).toBeNull();

    const first = await call(editor, 'GET', '/api/sequences?limit=2');
    expect(first.json.sequences.map((s: { id: string }) => s.id)).toEqual(['a-seq', 'b-seq']);
    expect(first.headers.get('link')).toBe('</api/sequences?limit=2&after=b-seq>; rel="next"');
    const next = await call(editor, 'GET', '/api/sequences?limit=2&after=b-seq');
    expect(next.json.sequences.map((s: { id: string }) => s.id)).toEqual(['c-seq']);

    const empty = await createWorkspace(sql, 'Empty');
    expect((await call(empty.tokens.viewer, 'GET', '/api/sequences')).json).toEqual({
      sequences: [],
    });
  });

  it("answers 400 for a limit or a cursor it can't read", async () => {
    for (const query of ['limit=0', 'limit=1001', 'limit=x', 'after=Not%20An%20Id'])
      expect((await call(t, 'GET', `/api/sequences?${query}`)).json.error.code).toBe(
        'invalid_query',
      );
  });
});
