import { type ParsedMail, simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmailHere } from '../../core/render/email.ts';
import { UNSUBSCRIBE_MARKER } from '../../core/render/unsubscribe.ts';
import type { EmailContent } from '../../core/types.ts';
import { verifyToken } from '../tracking/token.ts';
import { trackingUrls } from '../tracking/urls.ts';
import { type ComposeEmailInput, composeEmail } from './email.ts';
import { DeliveryError } from './error.ts';
import { generateMessageId } from './message-id.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp.test-support.ts';
import { captureTransport, type EmailTransport, smtpTransport } from './transport.ts';

const SECRET = 'email-test-secret';
const links = trackingUrls('https://nudge.example.com', SECRET, {
  workspaceId: 'ws_1',
  messageId: 77,
});

const content: EmailContent = {
  subject: '홍길동님, 견적서를 보내드립니다 — 확인 부탁드립니다',
  html: '<html><body><p>안녕하세요 홍길동님,</p><p><a href="https://example.com/견적?id=1&amp;v=2">견적서 보기</a></p><p><a href="mailto:sales@example.com">메일</a></p></body></html>',
  text: '안녕하세요 홍길동님,\n견적서 보기: https://example.com/견적?id=1&v=2',
  from: { name: '김영업', email: 'sales@회사.한국', replyTo: 'reply@example.com' },
  cc: ['cc@example.com'],
  bcc: ['bcc@example.com'],
};

/** A header's value as sent, unfolded. */
function rawHeader(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === name)?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

function input(overrides: Partial<ComposeEmailInput> = {}): ComposeEmailInput {
  return {
    content,
    to: { address: 'gildong@example.com', name: '홍길동' },
    messageId: generateMessageId(content.from?.email),
    thread: {
      inReplyTo: '<parent.1@example.com>',
      references: ['<root.0@example.com>', '<parent.1@example.com>'],
    },
    links,
    tracking: { opens: true, clicks: true },
    ...overrides,
  };
}

describe('composeEmail through a real SMTP server', () => {
  let server: TestSmtpServer;
  let transport: EmailTransport;
  beforeAll(async () => {
    server = await startSmtpServer();
    transport = smtpTransport(server.url);
  });
  afterAll(async () => {
    await transport.close();
    await server.close();
  });

  it('delivers Korean subject and bodies with threading and unsubscribe headers', async () => {
    const message = input();
    const result = await transport.send(composeEmail(message));
    expect(result.providerId).toBe(message.messageId);
    expect(result.response).toMatch(/^250/);
    expect(result.accepted.sort()).toEqual(
      ['bcc@example.com', 'cc@example.com', 'gildong@example.com'].sort(),
    );

    const mail = server.received.at(-1);
    if (!mail) throw new Error('nothing arrived');
    const { parsed } = mail;
    expect(parsed.subject).toBe(content.subject);
    expect(parsed.from?.value).toEqual([{ name: '김영업', address: 'sales@회사.한국' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
      { name: '홍길동', address: 'gildong@example.com' },
    ]);
    expect(parsed.replyTo?.value[0]?.address).toBe('reply@example.com');
    expect(parsed.text?.trim()).toBe(content.text);
    expect(parsed.html).toContain('안녕하세요 홍길동님');
    // Bcc travels in the envelope only.
    expect(mail.envelope.to).toContain('bcc@example.com');
    expect(parsed.headers.has('bcc')).toBe(false);

    expect(parsed.messageId).toBe(message.messageId);
    expect(message.messageId).toMatch(/^<[0-9a-z]+\.[0-9a-f]{32}@xn--/);
    expect(parsed.inReplyTo).toBe('<parent.1@example.com>');
    expect(parsed.references).toEqual(['<root.0@example.com>', '<parent.1@example.com>']);
    // mailparser groups the List-* headers under `list`.
    expect(parsed.headers.get('list')).toEqual({
      unsubscribe: { url: links.unsubscribe },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    expect(rawHeader(parsed, 'list-unsubscribe')).toBe(`<${links.unsubscribe}>`);
    expect(rawHeader(parsed, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('tracks the link, keeps mailto, and adds the pixel before </body>', async () => {
    await transport.send(composeEmail(input()));
    const html = String(server.received.at(-1)?.parsed.html);
    const tracked = html.match(/href="https:\/\/nudge\.example\.com\/t\/c\/([^"]+)"/)?.[1] ?? '';
    expect(verifyToken(SECRET, tracked, 'click')).toEqual({
      v: 1,
      kind: 'click',
      w: 'ws_1',
      m: 77,
      u: 'https://example.com/견적?id=1&v=2',
    });
    expect(html).toContain('href="mailto:sales@example.com"');
    expect(html).toMatch(
      /<img src="https:\/\/nudge\.example\.com\/t\/o\/[^"]+\.gif"[^>]*><\/body>/,
    );
  });

  it('leaves links and opens alone when tracking is off', async () => {
    await transport.send(composeEmail(input({ tracking: { opens: false, clicks: false } })));
    const html = String(server.received.at(-1)?.parsed.html);
    expect(html).toContain('href="https://example.com/견적?id=1&amp;v=2"');
    expect(html).not.toContain('/t/');
  });

  it('sends a plain-text step with no thread and the default sender', async () => {
    const { html: _html, ...textOnly } = content;
    const message = composeEmail(
      input({
        content: { ...textOnly, from: null, cc: [], bcc: [] },
        defaultSender: { name: 'Nudge', email: 'team@example.org' },
        thread: null,
      }),
    );
    await transport.send(message);
    const parsed = server.received.at(-1)?.parsed;
    expect(parsed?.html).toBe(false);
    expect(parsed?.from?.value[0]?.address).toBe('team@example.org');
    expect(parsed?.inReplyTo).toBeUndefined();
    expect(parsed && rawHeader(parsed, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('puts the signed unsubscribe link in place of {{ unsubscribe_url }} and the footer, untracked', async () => {
    const rendered = renderEmailHere(
      {
        subject: '(광고) 봄 세일',
        body: '<html><body><p>세일 안내</p><p><a href="{{ unsubscribe_url }}">그만 받기</a> <a href="https://example.com/sale">보기</a></p></body></html>',
        format: 'html',
        mode: 'auto',
      },
      {
        contact: { id: 'c1', name: '홍길동', tags: [], attributes: {} },
        sender: { email: 'sale@example.com' },
        sequence: { name: 'Sale' },
        variables: {},
        unsubscribeFooter: true,
      },
      null,
    ).value;
    expect(rendered.html).toContain(UNSUBSCRIBE_MARKER);
    await transport.send(composeEmail(input({ content: rendered })));
    const { parsed } = server.received.at(-1) ?? {};
    const html = String(parsed?.html);
    const text = String(parsed?.text);
    for (const part of [html, text]) expect(part).not.toContain(UNSUBSCRIBE_MARKER);
    // Twice in the HTML (the variable and the footer), as it is: never a /t/c/ click link.
    expect(html.split(`href="${links.unsubscribe}"`)).toHaveLength(3);
    expect(html).toContain('수신거부 · Unsubscribe</a></p>');
    expect(text.split(links.unsubscribe)).toHaveLength(3);
    const token = links.unsubscribe.slice(links.unsubscribe.lastIndexOf('/') + 1);
    expect(verifyToken(SECRET, token, 'unsubscribe')).toMatchObject({ kind: 'unsubscribe', m: 77 });
    // The other link is still tracked.
    expect(html).toMatch(/href="https:\/\/nudge\.example\.com\/t\/c\/[^"]+">보기/);
  });

  it('signs the link of a plain-text email too, even with click tracking off', () => {
    const { html: _html, ...textOnly } = content;
    const message = composeEmail(
      input({
        content: { ...textOnly, text: `그만 받기: ${UNSUBSCRIBE_MARKER}` },
        tracking: { opens: false, clicks: false },
      }),
    );
    expect(message.text).toBe(`그만 받기: ${links.unsubscribe}`);
    expect(message.html).toBeUndefined();
  });
});

describe('composeEmail', () => {
  it('refuses, permanently, a message with no sender', () => {
    const attempt = () => composeEmail(input({ content: { ...content, from: null } }));
    expect(attempt).toThrow(DeliveryError);
    expect(attempt).toThrow(expect.objectContaining({ permanent: true, code: 'no_sender' }));
  });

  it('puts the parent at the end of References when core listed only the ancestors', () => {
    const message = composeEmail(
      input({ thread: { inReplyTo: '<p@x.test>', references: ['<r@x.test>'] } }),
    );
    expect(message.references).toEqual(['<r@x.test>', '<p@x.test>']);
  });
});

describe('captureTransport', () => {
  it('returns the whole message, as SMTP would carry it', async () => {
    const transport = captureTransport();
    const message = input();
    const result = await transport.send(composeEmail(message));
    await transport.close();
    expect(result.response).toBe('captured');
    expect(result.providerId).toBe(message.messageId);
    expect(result.raw?.toString()).toContain('\r\n');
    const parsed = await simpleParser(result.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe(content.subject);
    expect(parsed.messageId).toBe(message.messageId);
    expect(parsed.text?.trim()).toBe(content.text);
    expect(result.accepted).toContain('bcc@example.com');
  });
});

describe('generateMessageId', () => {
  it('uses the sender domain, in ASCII, and falls back when there is none', () => {
    expect(generateMessageId('a@Example.COM')).toMatch(/^<[0-9a-z]+\.[0-9a-f]{32}@example\.com>$/);
    expect(generateMessageId('a@회사.한국')).toMatch(/@xn--[a-z0-9-]+\.xn--[a-z0-9-]+>$/);
    expect(generateMessageId()).toMatch(/@nudge\.invalid>$/);
    expect(generateMessageId('not-an-address')).toMatch(/@nudge\.invalid>$/);
    expect(generateMessageId('a@localhost')).toMatch(/@nudge\.invalid>$/);
    expect(generateMessageId('a@x.test')).not.toBe(generateMessageId('a@x.test'));
  });
});
