import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';
import { STARTERS } from '../templates/starters.ts';

/*
 * The template library on PostgreSQL: create, list, load, replace and delete, each scoped to
 * the workspace of the token, with If-Match, the roles, the starters and "used by".
 */

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const hanbit = await createWorkspace(sql, 'hanbit');
const other = await createWorkspace(sql, 'other');
const editor = hanbit.tokens.editor;

const welcome = {
  channel: 'email',
  name: '환영 메일',
  tags: ['환영'],
  content: {
    subject: '{{ 고객명 | default: "고객" }}님, 반갑습니다',
    body: '<p>안녕하세요</p>',
    format: 'html',
  },
};

async function create(body: unknown = welcome, token = editor) {
  const res = await call(token, 'POST', '/api/templates', body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res;
}

function sequenceLinking(id: string, templateId: string, body = '<p>old copy</p>') {
  return {
    format: 'nudge.sequence/v1',
    id,
    name: id,
    settings: { sender: { name: 'Nudge', email: 'team@nudge.example' } },
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      {
        id: 'hello',
        type: 'email',
        data: {
          subject: 'old subject',
          body,
          format: 'html',
          mode: 'auto',
          template: { id: templateId, name: 'old name' },
        },
      },
      { id: 'done', type: 'exit', data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'hello' },
      { id: 'e2', source: 'hello', target: 'done' },
    ],
  };
}

describe('templates', () => {
  it('creates one, with its ETag and Location, and loads it back', async () => {
    const { json, headers } = await create();
    expect(json).toMatchObject({ ...welcome, revision: 1 });
    expect(json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('etag')).toBe('"1"');
    expect(headers.get('location')).toBe(`/api/templates/${json.id}`);
    const loaded = await call(hanbit.tokens.viewer, 'GET', `/api/templates/${json.id}`);
    expect(loaded.status).toBe(200);
    expect(loaded.json).toEqual(json);
  });

  it('refuses a content the format refuses, naming the pointer', async () => {
    const liquid = await call(editor, 'POST', '/api/templates', {
      ...welcome,
      content: { subject: 'hi', body: '{{ }}', format: 'html' },
    });
    expect(liquid.status).toBe(422);
    expect(liquid.json.error.code).toBe('invalid_template');
    expect(liquid.json.error.details.problems[0].pointer).toBe('/content/body');
    const mode = await call(editor, 'POST', '/api/templates', {
      ...welcome,
      content: { ...welcome.content, mode: 'auto' },
    });
    expect(mode.status).toBe(422);
    expect(mode.json.error.details.problems[0].pointer).toBe('/content/mode');
    const sms = await call(editor, 'POST', '/api/templates', {
      channel: 'sms',
      name: 'x',
      content: {},
    });
    expect(sms.status).toBe(422);
    expect(sms.json.error.details.problems[0]).toMatchObject({
      pointer: '/content',
      message: expect.stringContaining('body'),
    });
    const noName = await call(editor, 'POST', '/api/templates', { ...welcome, name: '  ' });
    expect(noName.json.error.details.problems[0].pointer).toBe('/name');
    const typo = await call(editor, 'POST', '/api/templates', { ...welcome, tag: [] });
    expect(typo.status).toBe(400);
    expect(typo.json.error.code).toBe('unknown_property');
  });

  it('lists by name, filtered by channel and search, a page at a time', async () => {
    const w = await createWorkspace(sql, 'list');
    const token = w.tokens.admin;
    for (const name of ['b-follow', 'a-welcome', 'c-meeting'])
      await create({ ...welcome, name, tags: [name.slice(2)] }, token);
    await create(
      { channel: 'sms', name: 'd-reminder', content: { body: '내일 뵙겠습니다' } },
      token,
    );
    const all = await call(w.tokens.viewer, 'GET', '/api/templates');
    expect(all.json.templates.map((t: { name: string }) => t.name)).toEqual([
      'a-welcome',
      'b-follow',
      'c-meeting',
      'd-reminder',
    ]);
    const sms = await call(token, 'GET', '/api/templates?channel=sms');
    expect(sms.json.templates.map((t: { name: string }) => t.name)).toEqual(['d-reminder']);
    const byTag = await call(token, 'GET', '/api/templates?q=MEETING');
    expect(byTag.json.templates.map((t: { name: string }) => t.name)).toEqual(['c-meeting']);
    const page = await call(token, 'GET', '/api/templates?limit=2');
    expect(page.json.templates).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
    expect(next).toContain('after=');
    const rest = await call(token, 'GET', next as string);
    expect(rest.json.templates.map((t: { name: string }) => t.name)).toEqual([
      'c-meeting',
      'd-reminder',
    ]);
    expect((await call(token, 'GET', '/api/templates?channel=fax')).status).toBe(400);
    expect((await call(token, 'GET', '/api/templates?after=nope')).status).toBe(400);
  });

  it("keeps each workspace's templates to itself", async () => {
    const { json } = await create();
    const stranger = other.tokens.admin;
    expect((await call(stranger, 'GET', `/api/templates/${json.id}`)).status).toBe(404);
    const put = await call(stranger, 'PUT', `/api/templates/${json.id}`, welcome);
    expect(put.status).toBe(404);
    expect(put.json.error.code).toBe('template_not_found');
    expect((await call(stranger, 'DELETE', `/api/templates/${json.id}`)).status).toBe(404);
    expect((await call(stranger, 'GET', `/api/templates/${json.id}/used-by`)).status).toBe(404);
    const listed = await call(stranger, 'GET', '/api/templates');
    expect(listed.json.templates.map((t: { id: string }) => t.id)).not.toContain(json.id);
    expect((await call(editor, 'GET', `/api/templates/${json.id}`)).status).toBe(200);
  });

  it('lets viewers read and refuses them writes', async () => {
    const { json } = await create();
    const viewer = hanbit.tokens.viewer;
    expect((await call(viewer, 'GET', `/api/templates/${json.id}`)).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/api/templates', welcome],
      ['PUT', `/api/templates/${json.id}`, welcome],
      ['DELETE', `/api/templates/${json.id}`, undefined],
    ] as const) {
      const res = await call(viewer, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await call(hanbit.tokens.admin, 'DELETE', `/api/templates/${json.id}`)).status).toBe(
      204,
    );
  });

  it('replaces with If-Match, and refuses a stale one or a new channel', async () => {
    const { json } = await create();
    const path = `/api/templates/${json.id}`;
    const changed = {
      ...welcome,
      name: '새 이름',
      content: { body: '<p>새 본문</p>', format: 'html' },
    };
    const stale = await call(editor, 'PUT', path, changed);
    expect(stale.status).toBe(200);
    expect(stale.json).toMatchObject({ name: '새 이름', revision: 2, channel: 'email' });
    const res = await fetchWith(path, '"1"', changed);
    expect(res.status).toBe(412);
    expect(res.json.error).toMatchObject({ code: 'template_changed', details: { revision: 2 } });
    expect((await fetchWith(path, '"2"', changed)).status).toBe(200);
    const channel = await call(editor, 'PUT', path, { ...changed, channel: 'sms' });
    expect(channel.status).toBe(422);
    expect((await fetchWith(path, 'nonsense', changed)).status).toBe(400);
  });

  it('copies a starter into the workspace, under its own name if given', async () => {
    const listed = await call(hanbit.tokens.viewer, 'GET', '/api/templates/starters');
    expect(listed.status).toBe(200);
    const keys = listed.json.starters.map((s: { key: string }) => s.key);
    expect(keys).toEqual(STARTERS.map((s) => s.key));
    expect(new Set(listed.json.starters.map((s: { locale: string }) => s.locale))).toEqual(
      new Set(['ko', 'en']),
    );
    const copy = await create({ starter: 'kakao-notice-ko' });
    expect(copy.json).toMatchObject({ channel: 'kakao', name: '알림톡 안내' });
    const named = await create({ starter: 'sms-reminder-en', name: 'My reminder' });
    expect(named.json.name).toBe('My reminder');
    const unknown = await call(editor, 'POST', '/api/templates', { starter: 'nope' });
    expect(unknown.status).toBe(422);
    // Another method on the starters' path is one on /api/templates/{id}: no such template.
    const gone = await call(editor, 'DELETE', '/api/templates/starters');
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('template_not_found');
  });

  it('names the sequences that link it, and is not deleted while a draft does', async () => {
    const { json } = await create();
    const sequence = sequenceLinking('linked-seq', json.id);
    expect((await call(editor, 'POST', '/api/sequences', sequence)).status).toBe(201);
    const users = await call(hanbit.tokens.viewer, 'GET', `/api/templates/${json.id}/used-by`);
    expect(users.json.sequences).toEqual([
      { id: 'linked-seq', name: 'linked-seq', draftSteps: ['hello'], published: null },
    ]);
    const refused = await call(editor, 'DELETE', `/api/templates/${json.id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.details.sequences).toEqual([{ id: 'linked-seq', steps: ['hello'] }]);
    // Unlinked in the draft: it may go.
    const { template: _, ...data } = (sequence.nodes[1] as { data: Record<string, unknown> }).data;
    const nodes = sequence.nodes.map((n) => (n.id === 'hello' ? { ...n, data } : n));
    expect(
      (await call(editor, 'PUT', '/api/sequences/linked-seq', { ...sequence, nodes })).status,
    ).toBe(200);
    expect((await call(editor, 'DELETE', `/api/templates/${json.id}`)).status).toBe(204);
    expect((await call(editor, 'GET', `/api/templates/${json.id}`)).status).toBe(404);
  });
});

async function fetchWith(path: string, ifMatch: string, body: unknown) {
  const res = await apiOn(sql).app.request(path, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${editor}`,
      'content-type': 'application/json',
      'if-match': ifMatch,
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { error?: { code: string; details: object } };
  return { status: res.status, json };
}
