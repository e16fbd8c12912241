import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailContent } from '../../core/types.ts';
import { trackingUrls } from '../tracking/urls.ts';
import { dkimTxtRecord, type TxtResolver, verifyDkim } from './dkim.test-support.ts';
import { composeEmail } from './email.ts';
import { generateMessageId } from './message-id.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp.test-support.ts';
import { captureTransport, type EmailTransport, smtpTransport } from './transport.ts';

const DOMAIN = 'example.com';
const SELECTOR = 'nudge2026';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const dkim = { domainName: DOMAIN, keySelector: SELECTOR, privateKey: privatePem };
/** The DNS a receiver would ask: the public key at `<selector>._domainkey.<domain>`. */
const dns: TxtResolver = (name) =>
  name === `${SELECTOR}._domainkey.${DOMAIN}` ? dkimTxtRecord(keys.publicKey) : undefined;

const links = trackingUrls('https://nudge.example.com', 'dkim-test-secret', {
  workspaceId: 'ws_1',
  messageId: 9,
});

function message(fromEmail = 'sales@example.com') {
  const content: EmailContent = {
    subject: '홍길동님, 견적서를 보내드립니다 — 확인 부탁드립니다',
    html: '<html><body><p>안녕하세요 홍길동님,</p><p><a href="https://example.com/q">견적서 보기</a></p></body></html>',
    text: '안녕하세요 홍길동님,\n견적서 보기: https://example.com/q',
    from: { name: '김영업', email: fromEmail },
    cc: [],
    bcc: [],
  };
  return composeEmail({
    content,
    to: { address: 'gildong@example.net', name: '홍길동' },
    messageId: generateMessageId(fromEmail),
    thread: { inReplyTo: '<parent.1@example.com>', references: ['<parent.1@example.com>'] },
    links,
    tracking: { opens: true, clicks: true },
  });
}

/** The raw message with one exact change, which must be there to change. */
function edit(raw: Buffer, from: string | RegExp, to: string): Buffer {
  const text = raw.toString('latin1');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`nothing to edit: ${String(from)}`);
  return Buffer.from(edited, 'latin1');
}

describe('smtpTransport with DKIM', () => {
  let server: TestSmtpServer;
  let transport: EmailTransport;
  beforeAll(async () => {
    server = await startSmtpServer();
    transport = smtpTransport(server.url, { dkim });
  });
  afterAll(async () => {
    await transport.close();
    await server.close();
  });

  async function sendAndReceive(fromEmail?: string): Promise<Buffer> {
    await transport.send(message(fromEmail));
    const raw = server.received.at(-1)?.raw;
    if (!raw) throw new Error('nothing arrived');
    return raw;
  }

  it('signs what the server receives, rsa-sha256 relaxed/relaxed, covering both unsubscribe headers', async () => {
    const raw = await sendAndReceive();
    const text = raw.toString('latin1');
    expect(text.match(/^DKIM-Signature:/gim)).toHaveLength(1);
    expect(text).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const verification = verifyDkim(raw, dns);
    expect(verification).toMatchObject({ result: 'pass', domain: DOMAIN, selector: SELECTOR });
    expect(verification.signedHeaders).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'subject',
        'date',
        'message-id',
        'in-reply-to',
        'references',
        'list-unsubscribe',
        'list-unsubscribe-post',
      ]),
    );
    expect(text).toMatch(/a=rsa-sha256; c=relaxed\/relaxed;/);
  });

  it('fails verification once a signed header or the body changes: the check is real', async () => {
    const raw = await sendAndReceive();
    expect(verifyDkim(raw, dns).result).toBe('pass');
    const tampered = {
      'List-Unsubscribe-Post': edit(
        raw,
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        'List-Unsubscribe-Post: List-Unsubscribe=Two-Clicks',
      ),
      'List-Unsubscribe': edit(
        raw,
        /(List-Unsubscribe:\s*<https:\/\/nudge\.example\.com\/u\/)/,
        '$1x',
      ),
      subject: edit(raw, /^Subject: /m, 'Subject: Re: '),
      body: edit(raw, '\r\n\r\n', '\r\n\r\nThis is not what was signed.\r\n'),
    };
    for (const [what, changed] of Object.entries(tampered))
      expect(verifyDkim(changed, dns), what).toMatchObject({
        result: 'fail',
        reason: what === 'body' ? 'body hash mismatch' : 'signature mismatch',
      });
    // A key that is not the signer's fails too.
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(verifyDkim(raw, () => dkimTxtRecord(other)).reason).toBe('signature mismatch');
  });

  it('survives what relaxed canonicalisation allows relays to do: case, spacing, refolding', async () => {
    const raw = await sendAndReceive();
    const relayed = Buffer.concat([
      edit(
        edit(raw, 'List-Unsubscribe-Post: ', 'list-unsubscribe-post:  \r\n\t'),
        /\r\n\r\n([^\r]*)\r\n/,
        '\r\n\r\n$1 \t \r\n',
      ),
      Buffer.from('\r\n\r\n'),
    ]);
    expect(verifyDkim(relayed, dns).result).toBe('pass');
  });

  it('signs mail from another domain with d= the configured domain (DMARC will not align)', async () => {
    const raw = await sendAndReceive('sales@other.example.org');
    expect(raw.toString('latin1')).toMatch(/^From: .*<sales@other\.example\.org>/m);
    expect(verifyDkim(raw, dns)).toMatchObject({ result: 'pass', domain: DOMAIN });
  });
});

describe('captureTransport with DKIM', () => {
  it('keeps the signed message, as it would be sent', async () => {
    const transport = captureTransport({ dkim });
    const signed = await transport.send(message());
    await transport.close();
    expect(signed.raw && verifyDkim(signed.raw, dns)).toMatchObject({ result: 'pass' });

    const plain = captureTransport();
    const unsigned = await plain.send(message());
    await plain.close();
    expect(unsigned.raw?.toString()).not.toMatch(/DKIM-Signature/i);
  });
});

describe('a DKIM key that cannot sign', () => {
  const attempt = (privateKey: string) => () =>
    smtpTransport('smtp://127.0.0.1:25', { dkim: { ...dkim, privateKey } });
  const pem = (key: { export(options: { type: 'pkcs8'; format: 'pem' }): string | Buffer }) =>
    key.export({ type: 'pkcs8', format: 'pem' }).toString();

  // nodemailer would send such mail unsigned, silently; the transport refuses to start.
  it('is refused when the transport is made, without showing the key', () => {
    const ed25519 = pem(generateKeyPairSync('ed25519').privateKey);
    const small = pem(generateKeyPairSync('rsa', { modulusLength: 512 }).privateKey);
    const publicOnly = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const cases: Array<[string, RegExp]> = [
      ['not a key', /^the DKIM private key is not a private key in PEM/],
      [privatePem.slice(0, 200), /^the DKIM private key is not a private key in PEM/],
      [publicOnly, /^the DKIM private key is not a private key/],
      [
        ed25519,
        /^the DKIM private key is not an RSA key \(ed25519\): nodemailer signs rsa-sha256 only$/,
      ],
      [small, /^the DKIM private key is a 512-bit RSA key; DKIM needs at least 1024 bits$/],
    ];
    for (const [key, message] of cases) {
      expect(attempt(key)).toThrow(message);
      expect(attempt(key)).not.toThrow(/KEY-----|MII/);
    }
  });
});
