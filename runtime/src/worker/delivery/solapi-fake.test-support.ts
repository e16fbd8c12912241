import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers the next requests. */
export type FakeMode = 'ok' | 'invalid-number' | 'refused-status' | 'server-error' | 'hang-up';

export interface FakeRequest {
  authorization: string;
  body: { message: Record<string, unknown> };
}

export interface FakeSolapi {
  baseUrl: string;
  /** Requests that passed the signature and shape checks. */
  accepted: FakeRequest[];
  /** Why requests were refused with a 4xx, in order. */
  refusals: string[];
  mode: FakeMode;
  close(): Promise<void>;
}

const AUTH =
  /^HMAC-SHA256 apiKey=([^,]+), date=([^,]+), salt=([0-9A-Za-z]{12,64}), signature=([0-9a-f]{64})$/;
const DIGITS = /^[0-9]{8,15}$/;

/**
 * A stand-in for Solapi on 127.0.0.1: checks the HMAC signature (key, secret, fresh date, unused
 * salt) and the body shape of `POST /messages/v4/send`, then answers as `mode` says.
 */
export async function startFakeSolapi(apiKey: string, apiSecret: string): Promise<FakeSolapi> {
  const salts = new Set<string>();
  const fake: Omit<FakeSolapi, 'baseUrl' | 'close'> = { accepted: [], refusals: [], mode: 'ok' };

  const refuse = (res: ServerResponse, status: number, errorCode: string, errorMessage: string) => {
    fake.refusals.push(errorCode);
    json(res, status, { errorCode, errorMessage });
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const text = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/messages/v4/send') {
      return refuse(res, 404, 'NotFound', `${req.method} ${req.url}`);
    }
    const authorization = req.headers.authorization ?? '';
    const auth = authorization.match(AUTH);
    if (!auth) return refuse(res, 401, 'InvalidAuthorization', 'malformed Authorization header');
    const [, key = '', date = '', salt = '', signature = ''] = auth;
    const expected = createHmac('sha256', apiSecret)
      .update(date + salt)
      .digest();
    if (key !== apiKey) return refuse(res, 401, 'InvalidApiKey', 'unknown API key');
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
      return refuse(res, 401, 'SignatureDoesNotMatch', 'signature does not match');
    }
    if (!(Math.abs(Date.now() - Date.parse(date)) < 15 * 60_000)) {
      return refuse(res, 401, 'RequestTimeTooSkewed', 'date is not within 15 minutes');
    }
    if (salts.has(salt)) return refuse(res, 401, 'DuplicatedSignature', 'salt reused');
    salts.add(salt);
    if (!/^application\/json/.test(req.headers['content-type'] ?? '')) {
      return refuse(res, 400, 'ValidationError', 'content-type must be application/json');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refuse(res, 400, 'ValidationError', 'body is not JSON');
    }
    const problem = shapeProblem(body);
    if (problem) return refuse(res, 400, 'ValidationError', problem);
    const message = (body as FakeRequest['body']).message;
    fake.accepted.push({ authorization, body: { message } });

    switch (fake.mode) {
      case 'hang-up':
        return req.socket.destroy();
      case 'server-error':
        return json(res, 500, { errorCode: 'InternalError', errorMessage: 'try again later' });
      case 'invalid-number':
        return json(res, 400, {
          errorCode: 'ValidationError',
          errorMessage: '수신번호 형식이 올바르지 않습니다.',
        });
      case 'refused-status':
        return json(res, 200, {
          ...answer(message),
          statusCode: '3059',
          statusMessage: '변작된 발신번호',
        });
      default:
        return json(res, 200, answer(message));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** What Solapi's reference says about `message`, checked strictly. */
function shapeProblem(body: unknown): string | null {
  const message = (body as { message?: unknown } | null)?.message;
  if (typeof message !== 'object' || message === null) return 'message is required';
  const m = message as Record<string, unknown>;
  if (typeof m.to !== 'string' || !DIGITS.test(m.to)) return 'to: digits only';
  if (m.from !== undefined && (typeof m.from !== 'string' || !DIGITS.test(m.from))) {
    return 'from: digits only';
  }
  if (typeof m.text !== 'string' || m.text === '') return 'text is required';
  if (m.kakaoOptions === undefined) return m.from === undefined ? 'from is required' : null;
  const k = m.kakaoOptions as Record<string, unknown>;
  if (m.type !== 'ATA') return 'type must be ATA with kakaoOptions';
  if (typeof k.pfId !== 'string' || typeof k.templateId !== 'string') return 'pfId, templateId';
  if (typeof k.disableSms !== 'boolean') return 'disableSms: boolean';
  if (k.disableSms === false && m.from === undefined) return 'from is required for fallback';
  if (!Array.isArray(k.buttons)) return 'buttons: array';
  for (const b of k.buttons as Array<Record<string, unknown>>) {
    if (b.buttonType !== 'WL' || typeof b.buttonName !== 'string' || typeof b.linkMo !== 'string') {
      return 'buttons: { buttonType: WL, buttonName, linkMo }';
    }
  }
  return null;
}

function answer(message: Record<string, unknown>) {
  return {
    groupId: `G4V${randomBytes(8).toString('hex').toUpperCase()}`,
    messageId: `M4V${randomBytes(8).toString('hex').toUpperCase()}`,
    accountId: '12925149',
    statusCode: '2000',
    statusMessage: '정상 접수(이통사로 접수 예정) ',
    to: message.to,
    from: message.from,
    type: message.type ?? 'SMS',
    country: '82',
  };
}

function json(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
