import { captureMessaging, captureTransport, smtpTransport } from '@nudge/runtime/worker/delivery';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import type { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../runtime/src/worker/delivery/smtp.test-support.ts';
import { createWorkspace } from '../api.test-support.ts';
import { createApp } from '../app.ts';
import { silentLogger } from '../log.ts';

/*
 * POST /api/sequences/:id/test-send on PostgreSQL: rendered with the worker's renderer, sent
 * through the delivery the server is given (as nudge.ts gives it: captured into the outbox
 * without SMTP_URL), marked [TEST], and recorded nowhere an enrollment or the stats look.
 */

const { sql } = await createTestDatabase();
const messaging = captureMessaging();
const email = captureTransport();
const smtp = await startSmtpServer();
const smtpEmail = smtpTransport(smtp.url);
afterAll(async () => {
  await email.close();
  await smtpEmail.close();
  await smtp.close();
});

const delivery = { messaging, publicUrl: () => 'https://nudge.example' };
const app = createApp({
  sql,
  logger: silentLogger,
  secrets: 'test-send-secret',
  delivery: { ...delivery, email },
});
const smtpApp = createApp({
  sql,
  logger: silentLogger,
  secrets: 'test-send-secret',
  delivery: { ...delivery, email: smtpEmail },
});

function caller(on: Hono) {
  return async (token: string, method: string, path: string, body?: unknown) => {
    const res = await on.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by path in assertions
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: res.status, headers: res.headers, json };
  };
}
const call = caller(app);

const sequence = {
  format: 'nudge.sequence/v1',
  id: 'welcome-kr',
  name: '첫 인사',
  settings: {
    sender: { name: '김지훈 | 넛지', email: 'jihoon@nudge.example' },
    variables: { 플랜: 'contact.attributes.plan' },
  },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'welcome',
      type: 'email',
      data: {
        subject:
          '{{ 고객명 | default: "고객" }}님, {{ 회사명 | default: "귀사" }}를 위한 넛지입니다',
        body: '<p>안녕하세요 {{고객명}}님, {{플랜}} 플랜 안내입니다.</p><p><a href="https://nudge.example/guide">가이드</a></p>',
        format: 'html',
        mode: 'auto',
      },
    },
    { id: 'wait', type: 'delay', data: { amount: 2, unit: 'days' } },
    {
      id: 'bump',
      type: 'email',
      data: { body: '{{고객명}}님, 혹시 보셨나요?', format: 'text', mode: 'auto' },
    },
    {
      id: 'text',
      type: 'sms',
      data: { body: '{{ 고객명 | default: "고객" }}님, 메일로 가이드를 보냈습니다.', mode: 'auto' },
    },
    {
      id: 'alim',
      type: 'kakao',
      data: {
        templateCode: 'WELCOME_01',
        body: '{{ 고객명 | default: "고객" }}님, 가입을 환영합니다.',
        buttons: [{ name: '가이드 보기', url: 'https://nudge.example/guide?c={{ contact.id }}' }],
        fallbackSms: '{{ 고객명 | default: "고객" }}님, 가입을 환영합니다.',
        mode: 'auto',
      },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'welcome' },
    { id: 'e2', source: 'welcome', target: 'wait' },
    { id: 'e3', source: 'wait', target: 'bump' },
    { id: 'e4', source: 'bump', target: 'text' },
    { id: 'e5', source: 'text', target: 'alim' },
  ],
};

const minjun = {
  id: 'c1',
  email: 'minjun@hanbit.example',
  phone: '010-1234-5678',
  name: '김민준',
  company: '한빛물류',
  attributes: { plan: '프로' },
};

async function workspace() {
  const w = await createWorkspace(sql);
  expect((await call(w.tokens.admin, 'POST', '/api/sequences', sequence)).status).toBe(201);
  expect((await call(w.tokens.admin, 'POST', '/api/contacts', { contacts: [minjun] })).status).toBe(
    200,
  );
  return w;
}

const w = await workspace();
const other = await workspace();
const path = '/api/sequences/welcome-kr/test-send';

/** The rows a real send or enrollment would write: none of them may change. */
async function tallies(workspaceId: string) {
  const [row] = await sql`
    select
      (select count(*)::int from enrollments where workspace_id = ${workspaceId}) as enrollments,
      (select count(*)::int from messages where workspace_id = ${workspaceId}) as messages,
      (select count(*)::int from events where workspace_id = ${workspaceId}) as events,
      (select count(*)::int from captured_mail where workspace_id = ${workspaceId}) as captured,
      (select count(*)::int from suppressions where workspace_id = ${workspaceId}) as suppressions,
      (select count(*)::int from tasks where workspace_id = ${workspaceId}) as tasks`;
  return row;
}

describe('POST /api/sequences/:id/test-send', () => {
  it('sends a Korean email rendered for an inline contact, [TEST] first, found in the outbox', async () => {
    const before = await tallies(w.id);
    const res = await call(w.tokens.editor, 'POST', path, {
      node: 'welcome',
      to: 'me@nudge.example',
      contact: { name: '이서연', company: '바다상사', attributes: { plan: '베이직' } },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      channel: 'email',
      to: 'me@nudge.example',
      subject: '[TEST] 이서연님, 바다상사를 위한 넛지입니다',
      warnings: [],
    });
    expect(res.json.messageId).toMatch(/^<.+@nudge\.example>$/);

    const outbox = await call(w.tokens.viewer, 'GET', '/api/outbox');
    expect(outbox.json[0]).toMatchObject({
      id: res.json.id,
      messageId: res.json.messageId,
      to: 'me@nudge.example',
      from: '김지훈 | 넛지 <jihoon@nudge.example>',
      subject: '[TEST] 이서연님, 바다상사를 위한 넛지입니다',
      sequenceId: 'welcome-kr',
      node: 'welcome',
      test: true,
    });
    expect(outbox.json[0].enrollmentId).toBeUndefined();
    const one = await call(w.tokens.admin, 'GET', `/api/outbox/${res.json.id}`);
    expect(one.json.html).toContain('안녕하세요 이서연님, 베이직 플랜 안내입니다.');
    // Links signed as the worker signs them, under PUBLIC_URL, for an id no message has.
    expect(one.json.html).toMatch(/href="https:\/\/nudge\.example\/t\/c\/[^"]+"/);
    expect(one.json.headers).toContainEqual({ name: 'X-Nudge-Test', value: 'yes' });
    const unsubscribe = one.json.headers.find(
      (h: { name: string }) => h.name.toLowerCase() === 'list-unsubscribe',
    );
    expect(unsubscribe.value).toMatch(/^<https:\/\/nudge\.example\/u\/.+>$/);
    expect(await tallies(w.id)).toEqual(before);
  });

  it('signs the unsubscribe link of {{ unsubscribe_url }} and of the footer, untracked', async () => {
    const x = await workspace();
    const draft = structuredClone(sequence);
    draft.settings = { ...draft.settings, unsubscribeFooter: true } as typeof draft.settings;
    (draft.nodes[1] as { data: { body: string } }).data.body =
      '<p>안녕하세요 {{고객명}}님.</p><p><a href="{{ unsubscribe_url }}">그만 받기</a></p>';
    await sql`update sequences set draft = ${sql.json(draft)}
              where workspace_id = ${x.id} and id = 'welcome-kr'`;
    const res = await call(x.tokens.editor, 'POST', path, {
      node: 'welcome',
      to: 'me@nudge.example',
      contact: { name: '이서연' },
    });
    expect(res.status).toBe(200);
    const one = await call(x.tokens.admin, 'GET', `/api/outbox/${res.json.id}`);
    const html = String(one.json.html);
    expect(html).not.toContain('nudge.invalid');
    const links = [...html.matchAll(/href="(https:\/\/nudge\.example\/u\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(links).toHaveLength(2);
    expect(html).toContain('수신거부 · Unsubscribe</a>');
    expect(html).not.toContain('/t/c/');
    const header = one.json.headers.find(
      (h: { name: string }) => h.name.toLowerCase() === 'list-unsubscribe',
    );
    expect(header.value).toBe(`<${links[0]}>`);
  });

  it('renders for a stored contact, by contactId, even one who unsubscribed', async () => {
    await sql`update contacts set unsubscribed = true where workspace_id = ${w.id} and id = 'c1'`;
    const before = await tallies(w.id);
    const res = await call(w.tokens.admin, 'POST', path, {
      node: 'welcome',
      to: 'me@nudge.example',
      contactId: 'c1',
    });
    expect(res.status).toBe(200);
    expect(res.json.subject).toBe('[TEST] 김민준님, 한빛물류를 위한 넛지입니다');
    const outbox = await call(w.tokens.viewer, 'GET', '/api/outbox?limit=1');
    expect(outbox.json[0]).toMatchObject({
      id: res.json.id,
      subject: '[TEST] 김민준님, 한빛물류를 위한 넛지입니다',
    });
    const [contact] = await sql`
      select unsubscribed from contacts where workspace_id = ${w.id} and id = 'c1'`;
    expect(contact?.unsubscribed).toBe(true);
    expect(await tallies(w.id)).toEqual(before);
    await sql`update contacts set unsubscribed = false where workspace_id = ${w.id} and id = 'c1'`;
  });

  it('signs links that redirect and record nothing, and an unsubscribe link that changes nothing', async () => {
    const res = await call(w.tokens.editor, 'POST', path, {
      node: 'welcome',
      to: 'minjun@hanbit.example',
      contactId: 'c1',
    });
    const one = await call(w.tokens.admin, 'GET', `/api/outbox/${res.json.id}`);
    const click = /href="https:\/\/nudge\.example(\/t\/c\/[^"]+)"/.exec(one.json.html)?.[1];
    const header = one.json.headers.find(
      (h: { name: string }) => h.name.toLowerCase() === 'list-unsubscribe',
    );
    const unsubscribe = /^<https:\/\/nudge\.example(\/u\/[^>]+)>$/.exec(header.value)?.[1];
    const before = await tallies(w.id);
    const clicked = await app.request(click as string);
    expect(clicked.status).toBe(302);
    expect(clicked.headers.get('location')).toBe('https://nudge.example/guide');
    expect((await app.request(unsubscribe as string)).status).toBe(404);
    expect((await app.request(unsubscribe as string, { method: 'POST' })).status).toBe(404);
    expect(await tallies(w.id)).toEqual(before);
    const [contact] = await sql`
      select unsubscribed from contacts where workspace_id = ${w.id} and id = 'c1'`;
    expect(contact?.unsubscribed).toBe(false);
  });

  it('renders a reply in the thread of the email before it, and says which variables were empty', async () => {
    const res = await call(w.tokens.editor, 'POST', path, {
      node: 'bump',
      to: 'me@nudge.example',
      contact: { email: 'x@y.example' },
    });
    expect(res.status).toBe(200);
    expect(res.json.subject).toBe('[TEST] Re: 고객님, 귀사를 위한 넛지입니다');
    expect(res.json.warnings).toEqual(['body: {{ 고객명 }} has no value, so it rendered empty']);
  });

  it('sends an SMS step through the messaging provider, [TEST] first', async () => {
    const before = await tallies(w.id);
    const res = await call(w.tokens.editor, 'POST', path, {
      node: 'text',
      to: '+82 10-9876-5432',
      contactId: 'c1',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ channel: 'sms', to: '+82 10-9876-5432' });
    expect(messaging.sent.at(-1)).toMatchObject({
      channel: 'sms',
      to: '+82 10-9876-5432',
      text: '[TEST] 김민준님, 메일로 가이드를 보냈습니다.',
      providerId: res.json.messageId,
    });
    expect(await tallies(w.id)).toEqual(before);
  });

  it('sends an AlimTalk step as its approved template, the fallback SMS marked [TEST]', async () => {
    const res = await call(w.tokens.editor, 'POST', path, {
      node: 'alim',
      to: '01098765432',
      contactId: 'c1',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ channel: 'kakao', to: '01098765432' });
    expect(messaging.sent.at(-1)).toMatchObject({
      channel: 'alimtalk',
      to: '01098765432',
      templateCode: 'WELCOME_01',
      text: '김민준님, 가입을 환영합니다.',
      buttons: [{ name: '가이드 보기', url: 'https://nudge.example/guide?c=c1' }],
      fallbackSms: '[TEST] 김민준님, 가입을 환영합니다.',
    });
  });

  it('refuses a step that is not a message step, naming it, and an unknown step', async () => {
    const res = await call(w.tokens.editor, 'POST', path, {
      node: 'wait',
      to: 'me@nudge.example',
      contactId: 'c1',
    });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({
      code: 'not_a_message_step',
      details: { node: 'wait', type: 'delay' },
    });
    expect(res.json.error.message).toContain('"wait"');
    const unknown = await call(w.tokens.editor, 'POST', path, {
      node: 'nope',
      to: 'me@nudge.example',
      contactId: 'c1',
    });
    expect(unknown).toMatchObject({
      status: 404,
      json: { error: { code: 'step_not_found', details: { node: 'nope' } } },
    });
  });

  it("sends from a draft invalid elsewhere, and refuses a step whose own template can't render", async () => {
    const x = await workspace();
    const draft = structuredClone(sequence);
    // Invalid elsewhere: a delay of -1 days.
    (draft.nodes[2] as { data: unknown }).data = { amount: -1, unit: 'days' };
    // Too costly to render: the validator refuses it, as a problem of this step.
    (draft.nodes[4] as { data: { body: string } }).data.body =
      '{% for i in (1..100000000) %}{% for j in (1..100000000) %}{% endfor %}{% endfor %}';
    await sql`update sequences set draft = ${sql.json(draft)}
              where workspace_id = ${x.id} and id = 'welcome-kr'`;
    const ok = await call(x.tokens.editor, 'POST', path, {
      node: 'welcome',
      to: 'me@nudge.example',
      contactId: 'c1',
    });
    expect(ok.status).toBe(200);
    const slow = await call(x.tokens.editor, 'POST', path, {
      node: 'text',
      to: '010-9876-5432',
      contactId: 'c1',
    });
    expect(slow.status).toBe(422);
    expect(slow.json.error).toMatchObject({ code: 'cannot_render', details: { node: 'text' } });
    expect(slow.json.error.message).toContain('"text"');
    expect(slow.json.error.details.problems[0]).toMatchObject({
      code: 'template_too_costly',
      pointer: '/nodes/4/data/body',
    });

    // Valid, but past the memory limit once rendered (core's RenderError): a 422 with the reason.
    (draft.nodes[4] as { data: { body: string } }).data.body =
      '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}';
    await sql`update sequences set draft = ${sql.json(draft)}
              where workspace_id = ${x.id} and id = 'welcome-kr'`;
    const huge = await call(x.tokens.editor, 'POST', path, {
      node: 'text',
      to: '010-9876-5432',
      contactId: 'c1',
    });
    expect(huge.status).toBe(422);
    expect(huge.json.error).toMatchObject({
      code: 'cannot_render',
      details: { node: 'text', field: 'body' },
    });
    expect(huge.json.error.message).toMatch(/^the body of step "text" can't be rendered: .+/);
    expect(huge.json.error.details.problems).toBeUndefined();

    (draft.nodes[1] as { data: { subject: string } }).data.subject = '{{ 고객명 ';
    await sql`update sequences set draft = ${sql.json(draft)}
              where workspace_id = ${x.id} and id = 'welcome-kr'`;
    const broken = await call(x.tokens.editor, 'POST', path, {
      node: 'welcome',
      to: 'me@nudge.example',
      contactId: 'c1',
    });
    expect(broken.status).toBe(422);
    expect(broken.json.error).toMatchObject({
      code: 'cannot_render',
      details: { node: 'welcome' },
    });
    expect(broken.json.error.details.problems[0].pointer).toMatch(/^\/nodes\/1\/data\/subject/);
  });

  it("refuses a viewer's token, and another workspace's sequence or contact", async () => {
    const body = { node: 'welcome', to: 'me@nudge.example', contactId: 'c1' };
    const viewer = await call(w.tokens.viewer, 'POST', path, body);
    expect(viewer).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });

    await call(other.tokens.admin, 'POST', '/api/sequences', { ...sequence, id: 'theirs' });
    const theirs = await call(w.tokens.admin, 'POST', '/api/sequences/theirs/test-send', body);
    expect(theirs).toMatchObject({ status: 404, json: { error: { code: 'sequence_not_found' } } });
    await call(other.tokens.admin, 'POST', '/api/contacts', {
      contacts: [{ id: 'only-theirs', email: 'z@z.example' }],
    });
    const contact = await call(w.tokens.admin, 'POST', path, { ...body, contactId: 'only-theirs' });
    expect(contact).toMatchObject({ status: 404, json: { error: { code: 'contact_not_found' } } });
  });

  it('answers 400 for a bad to, a wrong channel, a missing or doubled contact, unknown keys', async () => {
    const t = w.tokens.editor;
    const cases: Array<[unknown, string]> = [
      [{ node: 'welcome', to: 'not an address', contactId: 'c1' }, 'invalid_test_send'],
      [
        { node: 'welcome', to: 'a@b.example\r\nBcc: x@y.example', contactId: 'c1' },
        'invalid_test_send',
      ],
      [{ node: 'welcome', to: '010-1234-5678', contactId: 'c1' }, 'invalid_test_send'],
      [{ node: 'text', to: 'me@nudge.example', contactId: 'c1' }, 'invalid_test_send'],
      [{ node: 'text', to: '123', contactId: 'c1' }, 'invalid_test_send'],
      [{ node: 'welcome', to: 'me@nudge.example' }, 'invalid_test_send'],
      [
        { node: 'welcome', to: 'me@nudge.example', contactId: 'c1', contact: {} },
        'invalid_test_send',
      ],
      [{ to: 'me@nudge.example', contactId: 'c1' }, 'invalid_test_send'],
      [{ node: 'welcome', to: 'me@nudge.example', contactId: 'c1', cc: 'x' }, 'unknown_property'],
      [[], 'invalid_body'],
    ];
    for (const [body, code] of cases) {
      const res = await call(t, 'POST', path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code, JSON.stringify(body)).toBe(code);
    }
    const badContact = await call(t, 'POST', path, {
      node: 'welcome',
      to: 'me@nudge.example',
      contact: { email: 'not-an-email' },
    });
    expect(badContact).toMatchObject({
      status: 422,
      json: { error: { code: 'invalid_contacts' } },
    });
    expect(badContact.json.error.details.problems[0].pointer).toBe('/contact/email');
    const big = await call(t, 'POST', path, {
      node: 'welcome',
      to: 'me@nudge.example',
      contact: { name: 'x'.repeat(300 * 1024) },
    });
    expect(big.status).toBe(413);
  });

  it("refuses an address on the workspace's suppression list", async () => {
    await sql`insert into suppressions (workspace_id, channel, address, reason)
              values (${w.id}, 'email', 'bounced@nudge.example', 'bounced')`;
    const res = await call(w.tokens.editor, 'POST', path, {
      node: 'welcome',
      to: 'Bounced@nudge.example',
      contactId: 'c1',
    });
    expect(res).toMatchObject({
      status: 422,
      json: { error: { code: 'address_suppressed', details: { reason: 'bounced' } } },
    });
  });

  it('takes 10 test sends a minute per token: the 11th is a 429 with Retry-After', async () => {
    const x = await workspace();
    const body = { node: 'text', to: '010-2222-3333', contactId: 'c1' };
    for (let i = 0; i < 10; i++)
      expect((await call(x.tokens.editor, 'POST', path, body)).status).toBe(200);
    const eleventh = await call(x.tokens.editor, 'POST', path, body);
    expect(eleventh.status).toBe(429);
    expect(eleventh.json.error.code).toBe('too_many_requests');
    const retryAfter = Number(eleventh.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Per token: the admin's token of the same workspace still may.
    expect((await call(x.tokens.admin, 'POST', path, body)).status).toBe(200);
  });

  it('sends over real SMTP when the server is configured with it', async () => {
    const res = await caller(smtpApp)(w.tokens.editor, 'POST', path, {
      node: 'welcome',
      to: 'me@nudge.example',
      contactId: 'c1',
    });
    expect(res.status).toBe(200);
    const mail = smtp.received.at(-1);
    expect(mail?.envelope.to).toEqual(['me@nudge.example']);
    expect(mail?.parsed.subject).toBe('[TEST] 김민준님, 한빛물류를 위한 넛지입니다');
    expect(mail?.parsed.messageId).toBe(res.json.messageId);
    // Sent, not captured: the outbox does not list it.
    const outbox = await call(w.tokens.viewer, 'GET', '/api/outbox');
    expect(outbox.json.map((m: { id: number }) => m.id)).not.toContain(res.json.id);
  });
});
