import { runStep } from '@nudge/runtime/worker';
import { closeDb, connect } from '@nudge/runtime/worker/db';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { signToken, trackingUrls } from '@nudge/runtime/worker/tracking';
import { afterAll, describe, expect, it } from 'vitest';
import { apiOn, createWorkspace, type TestWorkspace } from '../api.test-support.ts';
import { createApp } from '../app.ts';
import { silentLogger } from '../log.ts';
import { fakeEditor, tempDir } from '../test-support.ts';

/*
 * The links of sent mail against real PostgreSQL: each test mails a contact of its own (enrolled
 * through the API, its first step run, so a real outbox row exists) and follows the links the
 * worker would have put in the mail.
 */

const { sql, url: databaseUrl } = await createTestDatabase();
const SECRET = 'tracking-test-secret';
const PUBLIC_URL = 'https://nudge.example';
const app = createApp({ sql, secrets: SECRET, logger: silentLogger });
const { call } = apiOn(sql);

const tracked = {
  format: 'nudge.sequence/v1',
  name: 'Tracked',
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'welcome',
      type: 'email',
      data: {
        subject: '안녕하세요',
        body: '<p><a href="https://hanbit.example/start">시작하기</a></p>',
        format: 'html',
        mode: 'auto',
      },
    },
    // Keeps the enrollment active after the first mail, for the exits to end it.
    { id: 'wait', type: 'delay', data: { amount: 3, unit: 'days' } },
    { id: 'bump', type: 'email', data: { body: '혹시 보셨나요?', format: 'text', mode: 'auto' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'welcome' },
    { id: 'e2', source: 'welcome', target: 'wait' },
    { id: 'e3', source: 'wait', target: 'bump' },
  ],
};

async function workspaceWithSequence(name: string): Promise<TestWorkspace> {
  const w = await createWorkspace(sql, name);
  const t = w.tokens.editor;
  expect((await call(t, 'POST', '/api/sequences', { ...tracked, id: 'tracked' })).status).toBe(201);
  expect((await call(t, 'POST', '/api/sequences/tracked/publish', {})).status).toBe(200);
  return w;
}

const hanbit = await workspaceWithSequence('Hanbit');
const other = await workspaceWithSequence('Other');

let count = 0;

/** A new contact, enrolled, its welcome mail queued: the message and its links. */
async function mail(w: TestWorkspace = hanbit, contact: { locale?: string; email?: string } = {}) {
  const id = `c${++count}`;
  const email = contact.email ?? `${id}.kim@hanbit.example`;
  const t = w.tokens.editor;
  const made = await call(t, 'POST', '/api/contacts', {
    contacts: [{ id, email, ...(contact.locale ? { locale: contact.locale } : {}) }],
  });
  expect(made.status).toBe(200);
  const enrolled = await call(t, 'POST', '/api/sequences/tracked/enrollments', {
    contactIds: [id],
  });
  expect(enrolled.json.enrolled).toBe(1);
  const [enrollment] = await sql<Array<{ id: string }>>`
    select id from enrollments where workspace_id = ${w.id} and contact_id = ${id}`;
  const enrollmentId = enrollment?.id as string;
  await runStep(sql, { workspace: w.id, enrollment: enrollmentId, version: 0 });
  const [message] = await sql<Array<{ id: string }>>`
    select id from messages where enrollment_id = ${enrollmentId} and node = 'welcome'`;
  const messageId = Number(message?.id);
  const urls = trackingUrls(PUBLIC_URL, SECRET, { workspaceId: w.id, messageId });
  return {
    contactId: id,
    email,
    enrollmentId,
    messageId,
    open: path(urls.openPixel),
    click: (url: string) => path(urls.click(url)),
    unsubscribe: path(urls.unsubscribe),
  };
}

function path(url: string): string {
  return new URL(url).pathname;
}

const get = (url: string, headers: Record<string, string> = {}) => app.request(url, { headers });
const post = (url: string, body?: string | FormData, headers: Record<string, string> = {}) =>
  app.request(url, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
const oneClick = (url: string) =>
  post(url, 'List-Unsubscribe=One-Click', {
    'content-type': 'application/x-www-form-urlencoded',
  });

async function events(workspace = hanbit.id) {
  return sql<
    Array<{
      contact_id: string;
      enrollment_id: string | null;
      sequence_id: string | null;
      type: string;
      node: string | null;
      data: Record<string, unknown> | null;
    }>
  >`
    select contact_id, enrollment_id, sequence_id, type, node, data
    from events where workspace_id = ${workspace} order by id`;
}

async function contact(id: string, workspace = hanbit.id) {
  const [row] = await sql<Array<{ unsubscribed: boolean }>>`
    select unsubscribed from contacts where workspace_id = ${workspace} and id = ${id}`;
  return row;
}

async function enrollmentStatus(id: string) {
  const [row] = await sql<
    Array<{ status: string }>
  >`select status from enrollments where id = ${id}`;
  return row?.status;
}

/** Another token for the same message, changed in one character of its payload. */
function tampered(token: string): string {
  const i = 5;
  const swapped = token[i] === 'A' ? 'B' : 'A';
  return `${token.slice(0, i)}${swapped}${token.slice(i + 1)}`;
}

function tokenOf(urlPath: string): string {
  return (urlPath.split('/').pop() ?? '').replace(/\.gif$/, '');
}

describe('GET /t/o/<token>.gif', () => {
  it('records an open of the message and answers a 1×1 transparent GIF, never cached', async () => {
    const m = await mail();
    const res = await get(m.open);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Shown inside a webmail's page: the default same-origin CORP would block it there.
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(bytes.readUInt16LE(6)).toBe(1);
    expect(bytes.readUInt16LE(8)).toBe(1);
    expect(bytes.length).toBe(43);
    expect(bytes.at(-1)).toBe(0x3b);
    expect((await events()).filter((e) => e.contact_id === m.contactId)).toEqual([
      {
        contact_id: m.contactId,
        enrollment_id: m.enrollmentId,
        sequence_id: 'tracked',
        type: 'opened',
        node: 'welcome',
        data: null,
      },
    ]);
  });

  it('records nothing for a HEAD (link checkers), and still answers', async () => {
    const m = await mail();
    const before = (await events()).length;
    const res = await app.request(m.open, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect((await events()).length).toBe(before);
  });

  it('answers 404 for a message whose contact was deleted, and records nothing', async () => {
    const m = await mail();
    await sql`delete from contacts where workspace_id = ${hanbit.id} and id = ${m.contactId}`;
    const before = (await events()).length;
    const res = await get(m.open);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await events()).length).toBe(before);
  });
});

describe('GET /t/c/<token>', () => {
  it('records the click with its URL and redirects there (302)', async () => {
    const m = await mail();
    const url = 'https://hanbit.example/start?a=1&b=2#시작';
    const res = await get(m.click(url));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(new URL(url).href);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const mine = (await events()).filter((e) => e.contact_id === m.contactId);
    expect(mine).toEqual([
      expect.objectContaining({ type: 'clicked', node: 'welcome', data: { url } }),
    ]);
  });

  it('never redirects to anything but an absolute http(s) URL (400, nothing recorded)', async () => {
    const m = await mail();
    const before = (await events()).length;
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.example/x',
      '',
    ]) {
      const res = await get(m.click(url));
      expect(res.status, url).toBe(400);
      expect(res.headers.get('location'), url).toBeNull();
      expect(res.headers.get('content-type'), url).toMatch(/^text\/html/);
    }
    expect((await events()).length).toBe(before);
  });
});

describe('the unsubscribe page (GET /u/<token>)', () => {
  it('shows the masked address and a button, and unsubscribes no one', async () => {
    const m = await mail();
    const before = (await events()).length;
    const res = await get(m.unsubscribe);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=UTF-8/i);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Do you want to stop receiving these emails?');
    expect(page).toContain(`c***@hanbit.example`);
    expect(page).not.toContain(m.email);
    expect(page).toContain('<form method="post">');
    expect((await events()).length).toBe(before);
    expect(await contact(m.contactId)).toEqual({ unsubscribed: false });
    expect(await enrollmentStatus(m.enrollmentId)).toBe('active');
  });

  it('is self-contained: no script, nothing from elsewhere, and the CSP lets its style in', async () => {
    const m = await mail();
    const res = await get(m.unsubscribe);
    const page = await res.text();
    expect(page).not.toMatch(/<script|src=|https?:\/\//i);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("form-action 'self'");
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('speaks Korean by Accept-Language, by the contact locale, and by ?lang=', async () => {
    const plain = await mail();
    const korean = await (
      await get(plain.unsubscribe, { 'accept-language': 'ko-KR,ko;q=0.9,en-US;q=0.8' })
    ).text();
    expect(korean).toContain('<html lang="ko">');
    expect(korean).toContain('이 메일을 더 이상 받지 않으시겠습니까?');
    expect(korean).toContain('<button type="submit">수신 거부</button>');
    const english = await (
      await get(plain.unsubscribe, { 'accept-language': 'en-US,en;q=0.9,ko;q=0.8' })
    ).text();
    expect(english).toContain('<html lang="en">');

    const ko = await mail(hanbit, { locale: 'ko-KR' });
    const byLocale = await (await get(ko.unsubscribe, { 'accept-language': 'en' })).text();
    expect(byLocale).toContain('<html lang="ko">');
    const overridden = await (await get(`${ko.unsubscribe}?lang=en`)).text();
    expect(overridden).toContain('<html lang="en">');
    const en = await mail(hanbit, { locale: 'en-US' });
    const english2 = await (await get(en.unsubscribe, { 'accept-language': 'ko' })).text();
    expect(english2).toContain('<html lang="en">');
    // A locale we have no words for leaves the choice to the browser.
    const ja = await mail(hanbit, { locale: 'ja-JP' });
    const byBrowser = await (await get(ja.unsubscribe, { 'accept-language': 'ko' })).text();
    expect(byBrowser).toContain('<html lang="ko">');
  });

  it('escapes what it shows', async () => {
    const m = await mail();
    await sql`update contacts set email = '<b>x@evil.example'
              where workspace_id = ${hanbit.id} and id = ${m.contactId}`;
    const page = await (await get(m.unsubscribe)).text();
    expect(page).toContain('&lt;***@evil.example');
    expect(page).not.toContain('<b>');
  });
});

describe('unsubscribing (POST /u/<token>)', () => {
  it('from the page: unsubscribes the contact, ends the enrollment, says so; once', async () => {
    const m = await mail();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const res = await post(`${m.unsubscribe}?lang=ko`, '', form);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('수신 거부가 완료되었습니다');
    expect(await contact(m.contactId)).toEqual({ unsubscribed: true });
    expect(await enrollmentStatus(m.enrollmentId)).toBe('unsubscribed');
    const recorded = (await events()).filter((e) => e.contact_id === m.contactId);
    expect(recorded).toEqual([
      {
        contact_id: m.contactId,
        enrollment_id: m.enrollmentId,
        sequence_id: 'tracked',
        type: 'unsubscribed',
        node: 'welcome',
        data: { via: 'page' },
      },
    ]);
    // The queued mail is not sent after all.
    const queued = await sql`
      select 1 from messages where enrollment_id = ${m.enrollmentId} and status = 'queued'`;
    expect(queued.length).toBe(0);

    const again = await post(m.unsubscribe, '', form);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('You are already unsubscribed');
    expect((await events()).filter((e) => e.contact_id === m.contactId)).toEqual(recorded);
    const page2 = await (await get(m.unsubscribe)).text();
    expect(page2).toContain('You are already unsubscribed');
    expect(page2).not.toContain('<form');
  });

  it('RFC 8058 one-click, urlencoded or multipart: 200 with a tiny body; idempotent', async () => {
    for (const send of [
      (url: string) => oneClick(url),
      (url: string) => {
        const body = new FormData();
        body.set('List-Unsubscribe', 'One-Click');
        return post(url, body);
      },
    ]) {
      const m = await mail();
      const res = await send(m.unsubscribe);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect((await res.text()).length).toBeLessThan(40);
      expect(await contact(m.contactId)).toEqual({ unsubscribed: true });
      expect(await enrollmentStatus(m.enrollmentId)).toBe('unsubscribed');
      const once = (await events()).filter((e) => e.contact_id === m.contactId);
      expect(once).toEqual([
        expect.objectContaining({ type: 'unsubscribed', data: { via: 'one-click' } }),
      ]);
      expect((await send(m.unsubscribe)).status).toBe(200);
      expect((await events()).filter((e) => e.contact_id === m.contactId)).toEqual(once);
    }
  });

  it('answers other methods with 405 and refuses a large body (413), writing nothing', async () => {
    const m = await mail();
    const put = await app.request(m.unsubscribe, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    const big = await post(m.unsubscribe, `List-Unsubscribe=One-Click&x=${'a'.repeat(20_000)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(big.status).toBe(413);
    expect(await contact(m.contactId)).toEqual({ unsubscribed: false });
  });
});

describe('replayed links (a mail client reloading, a scanner, an attacker)', () => {
  // A second server process on the same database: its own pool, its own app.
  const otherSql = connect(databaseUrl);
  afterAll(() => closeDb(otherSql));
  const otherApp = createApp({ sql: otherSql, secrets: SECRET, logger: silentLogger });
  const mine = async (contactId: string) =>
    (await events()).filter((e) => e.contact_id === contactId).map((e) => [e.type, e.data]);

  it('1,000 concurrent replays of an open pixel, over two servers, store one open', async () => {
    const m = await mail();
    const answers = await Promise.all(
      Array.from({ length: 1000 }, async (_, i) => {
        const res = await (i % 2 === 0 ? app : otherApp).request(m.open);
        return `${res.status} ${res.headers.get('content-type')} ${(await res.arrayBuffer()).byteLength}`;
      }),
    );
    expect(new Set(answers)).toEqual(new Set(['200 image/gif 43']));
    expect(await mine(m.contactId)).toEqual([['opened', null]]);
  });

  it('replayed clicks store one click per URL, and every reader is redirected', async () => {
    const m = await mail();
    const urls = ['https://hanbit.example/a', 'https://hanbit.example/b'];
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const url = urls[i % 2] as string;
        const res = await (i % 3 === 0 ? otherApp : app).request(m.click(url));
        return res.status === 302 && res.headers.get('location') === url;
      }),
    );
    expect(answers.every(Boolean)).toBe(true);
    const clicks = await mine(m.contactId);
    expect(clicks).toHaveLength(2);
    expect(clicks).toEqual(expect.arrayContaining(urls.map((url) => ['clicked', { url }])));
  });
});

describe('tokens that are not genuine', () => {
  it('are refused on every route (404 page) and write nothing', async () => {
    const m = await mail();
    const open = tokenOf(m.open);
    const click = tokenOf(m.click('https://hanbit.example/'));
    const unsubscribe = tokenOf(m.unsubscribe);
    const elsewhere = signToken('another-secret', {
      v: 1,
      kind: 'unsubscribe',
      w: hanbit.id,
      m: m.messageId,
    });
    const forged = ['nonsense', 'a.b', '', `${open}x`, '%00', 'x'.repeat(9000)];
    const before = await events();
    const tries: Array<[string, string]> = [
      // Another kind on each route.
      ['GET', `/t/o/${click}.gif`],
      ['GET', `/t/o/${unsubscribe}.gif`],
      ['GET', `/t/c/${open}`],
      ['GET', `/t/c/${unsubscribe}`],
      ['GET', `/u/${open}`],
      ['POST', `/u/${click}`],
      // Tampered with, or signed with another secret.
      ['GET', `/t/o/${tampered(open)}.gif`],
      ['GET', `/t/c/${tampered(click)}`],
      ['POST', `/u/${tampered(unsubscribe)}`],
      ['GET', `/u/${elsewhere}`],
      ['POST', `/u/${elsewhere}`],
      // The pixel without its .gif, and paths under the prefixes that are no link.
      ['GET', `/t/o/${open}`],
      ['GET', `/t/o/${open}.gif/x`],
      ['GET', `/t/x/${open}`],
      ['GET', `/u/${unsubscribe}/x`],
      ...forged.flatMap(
        (f): Array<[string, string]> => [
          ['GET', `/t/o/${f}.gif`],
          ['GET', `/t/c/${f}`],
          ['GET', `/u/${f}`],
          ['POST', `/u/${f}`],
        ],
      ),
    ];
    for (const [method, url] of tries) {
      const res = await app.request(url, {
        method,
        ...(method === 'POST'
          ? {
              body: 'List-Unsubscribe=One-Click',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            }
          : {}),
      });
      expect(res.status, `${method} ${url.slice(0, 80)}`).toBe(404);
      expect(res.headers.get('content-type'), url).toMatch(/^text\/html/);
      expect(res.headers.get('location'), url).toBeNull();
    }
    expect(await events()).toEqual(before);
    expect(await contact(m.contactId)).toEqual({ unsubscribed: false });
  });

  it('a token names its workspace and message together: another pairing finds nothing', async () => {
    const mine = await mail(hanbit);
    const theirs = await mail(other);
    const beforeMine = await events(hanbit.id);
    const beforeTheirs = await events(other.id);
    const sign = (w: string, m: number) =>
      `/u/${signToken(SECRET, { v: 1, kind: 'unsubscribe', w, m })}`;
    for (const url of [sign(hanbit.id, theirs.messageId), sign(other.id, mine.messageId)]) {
      expect((await oneClick(url)).status).toBe(404);
      expect((await get(url)).status).toBe(404);
    }
    // Ids no message has, or of another shape, are not looked up at all.
    const odd: Array<[string, string | number]> = [
      ['not-a-uuid', mine.messageId],
      [hanbit.id, 'x'],
      [hanbit.id, '99999999999999999999999'],
      [hanbit.id, -1],
      [crypto.randomUUID(), mine.messageId],
    ];
    for (const [w, m] of odd)
      expect(
        (await get(`/u/${signToken(SECRET, { v: 1, kind: 'unsubscribe', w, m })}`)).status,
      ).toBe(404);
    expect(await events(hanbit.id)).toEqual(beforeMine);
    expect(await events(other.id)).toEqual(beforeTheirs);
    expect(await contact(mine.contactId, hanbit.id)).toEqual({ unsubscribed: false });
    expect(await contact(theirs.contactId, other.id)).toEqual({ unsubscribed: false });

    // Its own token works in its own workspace only.
    expect((await oneClick(theirs.unsubscribe)).status).toBe(200);
    expect(await contact(theirs.contactId, other.id)).toEqual({ unsubscribed: true });
    expect(await events(hanbit.id)).toEqual(beforeMine);
  });
});

describe('where the links are served', () => {
  const editor = tempDir(fakeEditor);
  afterAll(() => editor.remove());

  it('before the editor, whose page never answers a link', async () => {
    const withEditor = createApp({
      sql,
      secrets: SECRET,
      logger: silentLogger,
      editorDir: editor.dir,
    });
    const m = await mail();
    expect((await withEditor.request(m.unsubscribe)).status).toBe(200);
    for (const url of ['/u/nonsense', '/t/c/nonsense', '/t/o/x.gif', '/u/a/b']) {
      const res = await withEditor.request(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('<div id="root">');
    }
  });

  it('not at all without the secret', async () => {
    const m = await mail();
    const res = await createApp({ sql, logger: silentLogger }).request(m.unsubscribe);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });
});
