import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed tracking and unsubscribe tokens: `<payload>.<signature>`, both base64url.
 *
 * - The payload is a compact JSON array `[1, kind, workspace, message, url?]` (short keys cost
 *   bytes in every link of every mail; an array has none).
 * - The signature is HMAC-SHA256 truncated to 128 bits, which keeps a click link ~22 characters
 *   shorter and is still far beyond guessing (RFC 2104 section 5 allows truncation to half).
 * - The key is derived from the secret for this purpose only, so a signature made here can never
 *   be replayed as one of the server's session signatures made with the same NUDGE_SECRET.
 * - Tokens don't expire: an unsubscribe link must keep working for as long as the mail is read.
 *   The version number lets a future format retire this one.
 */

export type TokenKind = 'open' | 'click' | 'unsubscribe';

export interface TokenPayload {
  v: 1;
  kind: TokenKind;
  /** The workspace the message belongs to. */
  w: string | number;
  /** The message (outbox row) the token is about. */
  m: string | number;
  /** The destination of a click. */
  u?: string;
}

/** One secret, or several for rotation: tokens are signed with the first and accepted with any. */
export type Secrets = string | readonly string[];

const KIND_CODES: Record<TokenKind, string> = { open: 'o', click: 'c', unsubscribe: 'u' };
const KINDS_BY_CODE = new Map(Object.entries(KIND_CODES).map(([k, c]) => [c, k as TokenKind]));
const SIGNATURE_BYTES = 16;
/** Beyond any real link; refuses to hash megabytes sent by a stranger. */
const MAX_TOKEN_LENGTH = 8192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function signToken(secrets: Secrets, payload: TokenPayload): string {
  const [secret] = secretList(secrets);
  if (secret === undefined) throw new Error('signToken: no secret');
  const wire: unknown[] = [payload.v, KIND_CODES[payload.kind], payload.w, payload.m];
  if (payload.u !== undefined) wire.push(payload.u);
  const body = Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

/**
 * The payload of a genuine token, or null for anything forged, truncated, tampered with or
 * malformed (never throws: the input comes straight from a URL). With `kind`, a token of another
 * kind is refused too (an open token can't unsubscribe).
 */
export function verifyToken(
  secrets: Secrets,
  token: string,
  kind?: TokenKind,
): TokenPayload | null {
  try {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
    const parts = token.split('.');
    if (parts.length !== 2) return null;
    const [body = '', signature = ''] = parts;
    if (!BASE64URL.test(body) || !BASE64URL.test(signature)) return null;
    const given = Buffer.from(signature, 'base64url');
    // Re-encoding must give back the same text: refuses padding bits and other spellings.
    if (given.length !== SIGNATURE_BYTES || given.toString('base64url') !== signature) return null;
    const genuine = secretList(secrets).some((secret) =>
      timingSafeEqual(sign(secret, body), given),
    );
    if (!genuine) return null;
    const payload = decodePayload(Buffer.from(body, 'base64url').toString('utf8'));
    if (payload === null || (kind !== undefined && payload.kind !== kind)) return null;
    return payload;
  } catch {
    return null;
  }
}

function decodePayload(json: string): TokenPayload | null {
  const wire: unknown = JSON.parse(json);
  if (!Array.isArray(wire) || wire.length < 4 || wire.length > 5) return null;
  const [v, code, w, m, u] = wire as unknown[];
  const kind = typeof code === 'string' ? KINDS_BY_CODE.get(code) : undefined;
  if (v !== 1 || kind === undefined || !isId(w) || !isId(m)) return null;
  if (kind === 'click' ? typeof u !== 'string' : u !== undefined) return null;
  return typeof u === 'string' ? { v, kind, w, m, u } : { v, kind, w, m };
}

function isId(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || Number.isSafeInteger(value);
}

function sign(secret: string, body: string): Buffer {
  const key = createHmac('sha256', secret).update('nudge tracking token v1').digest();
  return createHmac('sha256', key).update(body).digest().subarray(0, SIGNATURE_BYTES);
}

function secretList(secrets: Secrets): readonly string[] {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  return list.filter((s) => s !== '');
}
