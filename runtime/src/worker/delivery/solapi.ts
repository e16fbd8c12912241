import { createHmac, randomBytes } from 'node:crypto';
import { DeliveryError } from './error.ts';
import type {
  AlimTalkRequest,
  MessagingProvider,
  MessagingResult,
  SmsRequest,
} from './messaging.ts';

/**
 * Solapi (솔라피, formerly CoolSMS): SMS/LMS and KakaoTalk AlimTalk over its REST API v4.
 *
 * Sure of (Solapi's published API reference, "단일 메시지" page):
 * - `POST /messages/v4/send` with `{ message: { to, from, text, type?, kakaoOptions? } }`; `type`
 *   is detected (SMS or LMS by length) when absent; numbers are digits only.
 * - `kakaoOptions: { pfId, templateId, disableSms, buttons: [{ buttonType: 'WL', buttonName,
 *   linkMo, linkPc }] }`, with `type: 'ATA'` for AlimTalk.
 * - `Authorization: HMAC-SHA256 apiKey=…, date=<ISO 8601>, salt=…, signature=<hex HMAC-SHA256
 *   keyed with the API secret over date + salt>`.
 * - A success answers `{ groupId, messageId, statusCode: '2000', statusMessage, … }`; an error
 *   answers a 4xx with `{ errorCode, errorMessage }` (e.g. `ValidationError`).
 * Assumed (not confirmed against the live service):
 * - A 200 whose statusCode is not 2000 means the message was refused (permanent).
 * - 400/422 are about the message (a bad number, a template mismatch): permanent, except error
 *   codes naming our account or sender (balance, API key, signature, sender number), which a
 *   person can fix, so they stay temporary. The exact error code names are a guess. 401/403/404/429 and 5xx are
 *   temporary.
 * - The AlimTalk fallback SMS re-sends `text`; the API has no separate fallback text, so a
 *   different `fallbackSms` only switches the fallback on (and it needs a sender number).
 * A timeout is temporary although the message may have been accepted: Solapi has no idempotency
 * key we know of, so a retry after a timeout can send twice.
 */
export interface SolapiOptions {
  apiKey: string;
  apiSecret: string;
  /** Default https://api.solapi.com; tests point it at a fake provider on loopback. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** Error codes about our account or sender number, not about the message. */
const SETUP_ERRORS = /balance|point|credit|apikey|signature|auth|sender|forbidden/i;

export function solapiProvider(options: SolapiOptions): MessagingProvider {
  const endpoint = `${(options.baseUrl ?? 'https://api.solapi.com').replace(/\/+$/, '')}/messages/v4/send`;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function send(message: Record<string, unknown>): Promise<MessagingResult> {
    let response: Response;
    let body: string;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          authorization: solapiAuthorization(options.apiKey, options.apiSecret),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ message }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      const timeout = error instanceof Error && error.name === 'TimeoutError';
      throw new DeliveryError(`Solapi unreachable: ${errorText(error)}`, {
        permanent: false,
        code: timeout ? 'timeout' : 'network',
        cause: error,
      });
    }
    return interpret(response.status, body);
  }

  return {
    sendSms: async (request: SmsRequest) =>
      send({ to: phoneNumber(request.to), from: phoneNumber(request.from), text: request.text }),
    sendAlimTalk: async (request: AlimTalkRequest) => {
      const fallback = request.fallbackSms !== undefined && request.from !== undefined;
      return send({
        to: phoneNumber(request.to),
        ...(request.from !== undefined ? { from: phoneNumber(request.from) } : {}),
        text: request.text,
        type: 'ATA',
        kakaoOptions: {
          pfId: request.senderKey,
          templateId: request.templateCode,
          disableSms: !fallback,
          buttons: request.buttons.map((b) => ({
            buttonType: 'WL',
            buttonName: b.name,
            linkMo: b.url,
            linkPc: b.url,
          })),
        },
      });
    },
  };
}

/** The Authorization header of one request; date and salt are fresh each time. */
export function solapiAuthorization(
  apiKey: string,
  apiSecret: string,
  date = new Date().toISOString(),
  salt = randomBytes(16).toString('hex'),
): string {
  const signature = createHmac('sha256', apiSecret)
    .update(date + salt)
    .digest('hex');
  return `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${signature}`;
}

/** Digits only, as Solapi wants them; +82 becomes the domestic leading 0. */
export function phoneNumber(value: string): string {
  const compact = value.replace(/[\s\-().]/g, '');
  const digits = compact.startsWith('+82') ? `0${compact.slice(3).replace(/^0/, '')}` : compact;
  if (!/^\+?[0-9]{3,15}$/.test(digits)) {
    throw new DeliveryError(`not a phone number: ${value}`, {
      permanent: true,
      code: 'invalid_number',
    });
  }
  return digits.replace(/^\+/, '');
}

/** Solapi's answer as a result, or a classified DeliveryError. */
function interpret(status: number, text: string): MessagingResult {
  const json = parse(text);
  if (status >= 200 && status < 300) {
    const messageId = json?.messageId;
    if (json?.statusCode === '2000' && typeof messageId === 'string')
      return { providerId: messageId };
    throw new DeliveryError(`Solapi refused the message: ${json?.statusMessage ?? text}`, {
      permanent: json?.statusCode !== undefined,
      code: json?.statusCode !== undefined ? String(json.statusCode) : 'bad_response',
      status,
    });
  }
  const code = typeof json?.errorCode === 'string' ? json.errorCode : `http_${status}`;
  const message = typeof json?.errorMessage === 'string' ? json.errorMessage : text.slice(0, 200);
  const permanent = (status === 400 || status === 422) && !SETUP_ERRORS.test(code);
  throw new DeliveryError(`Solapi ${status} ${code}: ${message}`, { permanent, code, status });
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
