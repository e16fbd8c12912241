import { captureTransport, composeEmail } from '@nudge/runtime/worker/delivery';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { trackingUrls } from '@nudge/runtime/worker/tracking';
import { afterAll, describe, expect, it } from 'vitest';
import { apiOn, createWorkspace, type TestWorkspace } from '../api.test-support.ts';
import { createApp } from '../app.ts';
import { silentLogger } from '../log.ts';

/* The captured-mail outbox through the API, on messages as the capture transport writes them. */

const { sql } = await createTestDatabase();
const { call, app } = apiOn(sql);
const transport = captureTransport();
afterAll(() => transport.close());

const oneEmail = {
  format: 'nudge.sequence/v1',
  name: 'Hello',
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'hello',
      type: 'email',
      data: { subject: 'Hi', body: 'Hi', format: 'text', mode: 'auto' },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'hello' }],
};

/** A workspace with one enrollment of contact c1 in sequence `hello`. */
async function workspaceWithEnrollment(): Promise<TestWorkspace & { enrollment: string }> {
  const w = await createWorkspace(sql);
  const t = w.tokens.admin;
  expect((await call(t, 'POST', '/api/sequences', oneEmail)).status).toBe(201);
  expect((await call(t, 'POST', '/api/sequences/hello/publish')).status).toBe(200);
  await call(t, 'POST', '/api/contacts', {
    contacts: [{ id: 'c1', email: 'minjun@hanbit.example', name: '김민준' }],
  });
  await call(t, 'POST', '/api/sequences/hello/enrollments', { contactIds: ['c1'] });
  const listed = await call(t, 'GET', '/api/sequences/hello/enrollments');
  return { ...w, enrollment: listed.json[0].id };
}

let capturedAt = Date.parse('2026-03-02T00:00:00Z');

/** Stores a message in the outbox as sent and captured (a minute after the last one). */
async function capture(
  w: { id: string; enrollment: string },
  node: string,
  mail: { subject: string; text: string; html?: string; cc?: string },
) {
  const messageId = `<${crypto.randomUUID()}@nudge.test>`;
  const { raw } = await transport.send({
    messageId,
    from: { name: '넛지', address: 'team@nudge.test' },
    to: { name: '김민준', address: 'minjun@hanbit.example' },
    ...mail,
  });
  capturedAt += 60_000;
  const at = new Date(capturedAt);
  const [row] = await sql<Array<{ id: number }>>`
    insert into messages (workspace_id, enrollment_id, node, channel, status, content, message_id, sent_at)
    values (${w.id}, ${w.enrollment}, ${node}, 'email', 'sent', '{}', ${messageId}, ${at})
    returning id`;
  const id = row?.id as number;
  await sql`insert into captured_mail (message_id, workspace_id, raw, captured_at)
            values (${id}, ${w.id}, ${raw as Buffer}, ${at})`;
  return { id, messageId, raw: raw as Buffer, sentAt: at.toISOString() };
}

const w = await workspaceWithEnrollment();
const other = await workspaceWithEnrollment();
const first = await capture(w, 'hello', { subject: '첫 메일', text: '하나' });
const second = await capture(w, 'bump', {
  subject: '김민준님, 한빛물류 팀을 위한 10분 시작 가이드입니다',
  text: '안녕하세요,\n가이드를 보내 드립니다.',
  html: '<p>안녕하세요, <b>가이드</b>를 보내 드립니다.</p>',
  cc: '"이서연" <seoyeon@hanbit.example>',
});
const third = await capture(w, 'last', { subject: 'Third', text: '3' });
const theirs = await capture(other, 'hello', { subject: 'Not yours', text: 'secret' });

describe('GET /api/outbox', () => {
  it('lists the workspace’s captured mail, newest first, with decoded headers; viewers may read', async () => {
    const res = await call(w.tokens.viewer, 'GET', '/api/outbox');
    expect(res.status).toBe(200);
    expect(res.json.map((m: { id: number }) => m.id)).toEqual([third.id, second.id, first.id]);
    expect(res.json[1]).toEqual({
      id: second.id,
      messageId: second.messageId,
      to: '김민준 <minjun@hanbit.example>',
      from: '넛지 <team@nudge.test>',
      subject: '김민준님, 한빛물류 팀을 위한 10분 시작 가이드입니다',
      sentAt: second.sentAt,
      enrollmentId: w.enrollment,
      sequenceId: 'hello',
      node: 'bump',
    });
    expect(res.headers.get('link')).toBeNull();
  });

  it('pages with limit and before, the next page named in Link', async () => {
    const one = await call(w.tokens.viewer, 'GET', '/api/outbox?limit=2');
    expect(one.json.map((m: { id: number }) => m.id)).toEqual([third.id, second.id]);
    expect(one.headers.get('link')).toBe(`</api/outbox?limit=2&before=${second.id}>; rel="next"`);
    const two = await call(w.tokens.viewer, 'GET', `/api/outbox?limit=2&before=${second.id}`);
    expect(two.json.map((m: { id: number }) => m.id)).toEqual([first.id]);
    expect(two.headers.get('link')).toBeNull();
  });

  it('answers 400 for a bad limit or before, and for another workspace’s id as before', async () => {
    for (const query of ['limit=0', 'limit=501', 'limit=x', 'before=abc', 'before=0', 'before=-1'])
      expect(
        (await call(w.tokens.viewer, 'GET', `/api/outbox?${query}`)).json.error.code,
        query,
      ).toBe('invalid_query');
    const res = await call(w.tokens.viewer, 'GET', `/api/outbox?before=${theirs.id}`);
    expect(res).toMatchObject({ status: 400, json: { error: { code: 'invalid_query' } } });
  });

  it('needs a token, and only reads', async () => {
    expect((await call(null, 'GET', '/api/outbox')).status).toBe(401);
    const post = await call(w.tokens.admin, 'POST', '/api/outbox', {});
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('GET /api/outbox/:id', () => {
  it('gives one message with its text and HTML bodies, Cc and every header', async () => {
    const res = await call(w.tokens.viewer, 'GET', `/api/outbox/${second.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: second.id,
      subject: '김민준님, 한빛물류 팀을 위한 10분 시작 가이드입니다',
      cc: '이서연 <seoyeon@hanbit.example>',
      text: '안녕하세요,\n가이드를 보내 드립니다.',
      html: '<p>안녕하세요, <b>가이드</b>를 보내 드립니다.</p>',
      node: 'bump',
    });
    expect(res.json.headers).toContainEqual({ name: 'Message-ID', value: second.messageId });
    const textOnly = await call(w.tokens.viewer, 'GET', `/api/outbox/${first.id}`);
    expect(textOnly.json).toMatchObject({ text: '하나', html: null });
    expect(textOnly.json.cc).toBeUndefined();
  });

  it('is a 404 for another workspace’s message and for anything that is not an id', async () => {
    for (const id of [String(theirs.id), '999999', 'abc', '0', `${second.id}.0`]) {
      const res = await call(w.tokens.viewer, 'GET', `/api/outbox/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.json.error.code, id).toBe('message_not_found');
    }
    expect((await call(w.tokens.editor, 'GET', `/api/outbox/${theirs.id}/raw`)).status).toBe(404);
  });

  it('gives the raw message as message/rfc822, byte for byte, to editors and admins', async () => {
    for (const role of ['editor', 'admin'] as const) {
      const res = await app.request(`/api/outbox/${second.id}/raw`, {
        headers: { authorization: `Bearer ${w.tokens[role]}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('message/rfc822');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await res.arrayBuffer()).equals(second.raw)).toBe(true);
    }
  });

  it('gives no raw message to a viewer (403, whether or not it exists)', async () => {
    for (const id of [second.id, theirs.id, 999999]) {
      const res = await call(w.tokens.viewer, 'GET', `/api/outbox/${id}/raw`);
      expect(res.status).toBe(403);
      expect(res.json.error).toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('signed tracking and unsubscribe links'),
        details: { role: 'viewer' },
      });
    }
  });
});

describe('the signed links of a sent mail', () => {
  const SECRET = 'outbox-test-secret';
  const PUBLIC_URL = 'https://nudge.example';
  // The links are served by the app that knows the secret, as in `pnpm start`.
  const served = createApp({ sql, secrets: SECRET, logger: silentLogger });

  /** A mail as delivery composes it (tracked links, open pixel, List-Unsubscribe), captured. */
  async function captureTracked(ws: { id: string; enrollment: string }) {
    const messageId = `<${crypto.randomUUID()}@nudge.test>`;
    const [row] = await sql<Array<{ id: number }>>`
      insert into messages (workspace_id, enrollment_id, node, channel, status, content, message_id, sent_at)
      values (${ws.id}, ${ws.enrollment}, 'tracked', 'email', 'sent', '{}', ${messageId}, now())
      returning id`;
    const id = Number(row?.id);
    const links = trackingUrls(PUBLIC_URL, SECRET, { workspaceId: ws.id, messageId: id });
    const mail = composeEmail({
      content: {
        subject: '가이드',
        html: '<p><a href="https://hanbit.example/guide">가이드 보기</a></p>',
        text: '가이드: https://hanbit.example/guide',
        from: { name: '넛지', email: 'team@nudge.test' },
        cc: [],
        bcc: [],
      },
      to: { address: 'minjun@hanbit.example', name: '김민준' },
      messageId,
      links,
      tracking: { opens: true, clicks: true },
    });
    const { raw } = await transport.send(mail);
    await sql`insert into captured_mail (message_id, workspace_id, raw, captured_at)
              values (${id}, ${ws.id}, ${raw as Buffer}, now())`;
    return { id, links };
  }

  /** Every path of a signed link in `text`. */
  const signedPaths = (text: string) =>
    [...text.matchAll(/https:\/\/nudge\.example(\/(?:t\/[oc]|u)\/[^\s"'<>]+)/g)].map(
      (m) => m[1] ?? '',
    );

  it('are redacted for a viewer, in the HTML and in the headers, and counted', async () => {
    const ws = await workspaceWithEnrollment();
    const { id, links } = await captureTracked(ws);
    const res = await call(ws.tokens.viewer, 'GET', `/api/outbox/${id}`);
    expect(res.status).toBe(200);
    const shown = JSON.stringify(res.json);
    for (const link of [
      links.openPixel,
      links.unsubscribe,
      links.click('https://hanbit.example/guide'),
    ])
      expect(shown).not.toContain(
        link
          .split('/')
          .pop()
          ?.replace(/\.gif$/, ''),
      );
    expect(res.json.redactedLinks).toBe(3);
    expect(res.json.html).toContain(
      '<a href="https://nudge.example/t/c/[redacted]">가이드 보기</a>',
    );
    expect(res.json.html).toContain('https://nudge.example/t/o/[redacted].gif');
    expect(res.json.headers).toContainEqual({
      name: 'List-Unsubscribe',
      value: '<https://nudge.example/u/[redacted]>',
    });
    // What is not a signed link is as it was.
    expect(res.json).toMatchObject({
      subject: '가이드',
      text: '가이드: https://hanbit.example/guide',
    });
    // Nothing a viewer was shown unsubscribes anyone, or counts an open or a click.
    for (const path of signedPaths(shown)) {
      expect((await served.request(path)).status, path).toBe(404);
      const post = await served.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(post.status, path).toBeGreaterThanOrEqual(400);
    }
    const [contact] =
      await sql`select unsubscribed from contacts where workspace_id = ${ws.id} and id = 'c1'`;
    expect(contact?.unsubscribed).toBe(false);
    expect(await sql`select type from events where workspace_id = ${ws.id}`).toEqual([]);
  });

  it('are whole for editors and admins, and work', async () => {
    const ws = await workspaceWithEnrollment();
    const { id, links } = await captureTracked(ws);
    for (const role of ['editor', 'admin'] as const) {
      const res = await call(ws.tokens[role], 'GET', `/api/outbox/${id}`);
      expect(res.json.redactedLinks).toBeUndefined();
      expect(res.json.headers).toContainEqual({
        name: 'List-Unsubscribe',
        value: `<${links.unsubscribe}>`,
      });
      expect(res.json.html).toContain(links.openPixel);
    }
    // The test above would see a leak: the same paths, whole, do unsubscribe.
    const editors = JSON.stringify((await call(ws.tokens.editor, 'GET', `/api/outbox/${id}`)).json);
    const unsubscribe = signedPaths(editors).find((p) => p.startsWith('/u/')) ?? '';
    const res = await served.request(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const [contact] =
      await sql`select unsubscribed from contacts where workspace_id = ${ws.id} and id = 'c1'`;
    expect(contact?.unsubscribed).toBe(true);
  });
});
