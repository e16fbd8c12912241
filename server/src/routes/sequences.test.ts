import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';
import { sequenceIdFromName } from '../sequence-file.ts';
import { brokenSequence, example } from '../test-support.ts';

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const { tokens } = await createWorkspace(sql);
const t = tokens.editor;

describe('POST /api/sequences', () => {
  it('imports a file: 201 { id }, and the export gives it back', async () => {
    const file = example('onboarding');
    expect(await call(t, 'POST', '/api/sequences', file)).toMatchObject({
      status: 201,
      json: { id: 'onboarding' },
    });
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
