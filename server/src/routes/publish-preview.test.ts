import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';
import { waitingEnrollees } from '../db/waiting.ts';
import { example } from '../test-support.ts';

/*
 * GET /api/sequences/:id/publish-preview: what a publish would change, and how many enrollees
 * wait where. Enrollees are written as rows, at the nodes and versions each case needs.
 */

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const w = await createWorkspace(sql);
const t = w.tokens.editor;

// biome-ignore lint/suspicious/noExplicitAny: a sequence edited by path
type Loose = Record<string, any>;
const coldMail = (): Loose => example('cold-mail') as unknown as Loose;

/** `count` enrollees of `contact-<prefix>-<i>` at `node` of `version`, with this status. */
async function enrollees(
  sequence: string,
  version: number,
  node: string | null,
  count: number,
  status = 'active',
) {
  const prefix = `${sequence}-${version}-${node}-${status}`;
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  await sql`insert into contacts (workspace_id, id) select ${w.id}, unnest(${ids}::text[])`;
  await sql`
    insert into enrollments (workspace_id, sequence_id, version, contact_id, status, node, state,
                             state_version, ended_at)
    select ${w.id}, ${sequence}, ${version}, id, ${status}, ${node}, '{}', ${node ? 1 : 0},
           ${status === 'active' ? null : new Date()}
    from unnest(${ids}::text[]) as id`;
}

describe('GET /api/sequences/:id/publish-preview', () => {
  it('before the first publish: no published version, no changes, nobody waiting', async () => {
    await call(t, 'POST', '/api/sequences', coldMail());
    const res = await call(w.tokens.viewer, 'GET', '/api/sequences/cold-mail/publish-preview');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      draftRevision: 1,
      published: null,
      changes: null,
      waiting: [],
      waitingCapped: false,
      templates: [],
    });
    expect(res.headers.get('etag')).toBe('"1"');
  });

  it('compares the draft with the latest version, and counts who waits where, by version', async () => {
    expect((await call(t, 'POST', '/api/sequences/cold-mail/publish')).json).toEqual({
      version: 1,
    });
    const v2 = coldMail();
    v2.nodes[2].data.amount = 2; // wait-3d waits 2 days
    await call(t, 'PUT', '/api/sequences/cold-mail', v2);
    expect((await call(t, 'POST', '/api/sequences/cold-mail/publish')).json).toEqual({
      version: 2,
    });
    await enrollees('cold-mail', 1, 'wait-3d', 3);
    await enrollees('cold-mail', 1, 'wait-6d', 1);
    await enrollees('cold-mail', 2, 'wait-3d', 2);
    await enrollees('cold-mail', 2, 'offer', 4);
    await enrollees('cold-mail', 2, null, 1); // enrolled, not started
    // Ended ones do not wait anywhere.
    for (const status of ['completed', 'exited', 'failed', 'replied', 'stopped'])
      await enrollees('cold-mail', 2, 'offer', 2, status);

    // The draft: offer removed (wait-6d now goes to the to-do), welcome's subject changed,
    // guide moved on the canvas.
    const draft = structuredClone(v2);
    draft.nodes = draft.nodes.filter((n: Loose) => n.id !== 'offer');
    draft.nodes[1].data.subject = '{{고객명}}님, 안녕하세요';
    draft.nodes[3].position = { x: 400, y: 999 };
    draft.edges = draft.edges.filter((e: Loose) => e.id !== 'e6');
    draft.edges[4].target = 'check-engagement';
    expect((await call(t, 'PUT', '/api/sequences/cold-mail', draft)).status).toBe(200);

    const res = await call(w.tokens.viewer, 'GET', '/api/sequences/cold-mail/publish-preview');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"3"');
    const { draftRevision, published, changes, waiting, waitingCapped } = res.json;
    expect(draftRevision).toBe(3);
    expect(published.version).toBe(2);
    expect(published.definition).toEqual(v2);
    expect(changes.steps).toEqual({
      added: [],
      removed: [{ id: 'offer', type: 'email' }],
      changed: [
        { id: 'welcome', type: 'email', fields: ['/data/subject'], positionOnly: false },
        { id: 'guide', type: 'email', fields: ['/position/x', '/position/y'], positionOnly: true },
      ],
    });
    expect(changes.edges).toEqual({
      added: [],
      removed: [{ id: 'e6', source: 'offer', target: 'check-engagement' }],
      rewired: [
        {
          before: { id: 'e5', source: 'wait-6d', target: 'offer' },
          after: { id: 'e5', source: 'wait-6d', target: 'check-engagement' },
        },
      ],
    });
    expect(waiting).toEqual([
      { node: 'wait-3d', version: 1, count: 3 },
      { node: 'wait-6d', version: 1, count: 1 },
      { node: null, version: 2, count: 1 },
      { node: 'offer', version: 2, count: 4 },
      { node: 'wait-3d', version: 2, count: 2 },
    ]);
    expect(waitingCapped).toBe(false);
  });

  it('counts only its own sequence and workspace', async () => {
    const other = await createWorkspace(sql, 'Other');
    await call(other.tokens.editor, 'POST', '/api/sequences', coldMail());
    const res = await call(other.tokens.viewer, 'GET', '/api/sequences/cold-mail/publish-preview');
    expect(res.json).toMatchObject({ draftRevision: 1, published: null, waiting: [] });
    await call(t, 'POST', '/api/sequences', { ...coldMail(), id: 'second' });
    const second = await call(t, 'GET', '/api/sequences/second/publish-preview');
    expect(second.json.waiting).toEqual([]);
  });

  it('caps the count: past the cap, each count is a lower bound', async () => {
    const all = await waitingEnrollees(sql, w.id, 'cold-mail', 100);
    expect(all.capped).toBe(false);
    expect(all.waiting.reduce((sum, r) => sum + r.count, 0)).toBe(11);
    const capped = await waitingEnrollees(sql, w.id, 'cold-mail', 5);
    expect(capped.capped).toBe(true);
    expect(capped.waiting.reduce((sum, r) => sum + r.count, 0)).toBe(6);
    for (const row of capped.waiting) {
      const full = all.waiting.find((r) => r.node === row.node && r.version === row.version);
      expect(row.count).toBeLessThanOrEqual(full?.count ?? 0);
    }
    // Exactly at the cap is still the whole count.
    expect((await waitingEnrollees(sql, w.id, 'cold-mail', 11)).capped).toBe(false);
  });

  it('answers 404 for no sequence', async () => {
    const res = await call(t, 'GET', '/api/sequences/none/publish-preview');
    expect(res).toMatchObject({ status: 404, json: { error: { code: 'sequence_not_found' } } });
  });

  it('gives the ETag a publish of exactly this draft takes, with the mapping for the removed step', async () => {
    const preview = await call(t, 'GET', '/api/sequences/cold-mail/publish-preview');
    const { app } = apiOn(sql);
    const res = await app.request('/api/sequences/cold-mail/publish', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t}`,
        'content-type': 'application/json',
        'if-match': preview.headers.get('etag') as string,
      },
      body: JSON.stringify({ migrate: { offer: 'check-engagement' } }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: number; moved: number; stayedTotal: number };
    expect(body.version).toBe(3);
    // The rows above have no interpreter state (as if their first step had not run): all of
    // them start on the new version.
    expect(body).toMatchObject({ moved: 11, stayedTotal: 0 });
    const after = await call(t, 'GET', '/api/sequences/cold-mail/publish-preview');
    expect(after.json).toMatchObject({ draftRevision: 3, published: { version: 3 } });
    expect(after.json.changes.equal).toBe(true);
    expect(after.json.waiting).toEqual([
      { node: null, version: 3, count: 1 },
      { node: 'offer', version: 3, count: 4 },
      { node: 'wait-3d', version: 3, count: 5 },
      { node: 'wait-6d', version: 3, count: 1 },
    ]);
  });
});
