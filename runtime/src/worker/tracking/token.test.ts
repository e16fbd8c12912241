import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signToken, type TokenPayload, verifyToken } from './token.ts';

const SECRET = 'test-secret-0123456789';
const click: TokenPayload = {
  v: 1,
  kind: 'click',
  w: 'ws_1',
  m: 42,
  u: 'https://example.com/가격?a=1&b=2',
};

describe('signToken / verifyToken', () => {
  it('round-trips every kind, with numeric and string ids', () => {
    for (const payload of [
      click,
      { v: 1, kind: 'open', w: 7, m: 'msg-uuid' },
      { v: 1, kind: 'unsubscribe', w: 'ws_1', m: 9 },
    ] satisfies TokenPayload[]) {
      expect(verifyToken(SECRET, signToken(SECRET, payload))).toEqual(payload);
    }
  });

  it('keeps tokens short and URL-safe', () => {
    const token = signToken(SECRET, { v: 1, kind: 'open', w: 'ws_1', m: 123456 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThan(60);
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyToken(SECRET, signToken('another-secret', click))).toBeNull();
  });

  it('rejects a tampered payload, even when it is still valid JSON', () => {
    const token = signToken(SECRET, { v: 1, kind: 'open', w: 'ws_1', m: 42 });
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify([1, 'u', 'ws_1', 42])).toString('base64url');
    expect(verifyToken(SECRET, `${forged}.${signature}`)).toBeNull();
  });

  it('rejects truncated, flipped, empty and malformed tokens without throwing', () => {
    const token = signToken(SECRET, click);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const bad = [
      '',
      '.',
      'abc',
      token.slice(0, -1),
      token.slice(0, token.indexOf('.')),
      token.slice(1),
      flipped,
      `${token}.x`,
      token.replace('.', '..'),
      `${token}=`,
      'a b.c',
      `${'A'.repeat(9000)}.${'A'.repeat(22)}`,
    ];
    for (const value of bad) expect(verifyToken(SECRET, value), value).toBeNull();
    expect(verifyToken(SECRET, undefined as unknown as string)).toBeNull();
  });

  it('rejects well-signed payloads of another version or shape', () => {
    // Signed by hand with the real key: verify must check the shape, not only the signature.
    const key = createHmac('sha256', SECRET).update('nudge tracking token v1').digest();
    const forge = (wire: unknown) => {
      const body = Buffer.from(JSON.stringify(wire)).toString('base64url');
      const sig = createHmac('sha256', key).update(body).digest().subarray(0, 16);
      return `${body}.${sig.toString('base64url')}`;
    };
    expect(verifyToken(SECRET, forge([1, 'o', 'ws_1', 42]))).not.toBeNull();
    for (const wire of [
      [2, 'o', 'ws_1', 42],
      [1, 'x', 'ws_1', 42],
      [1, 'c', 'ws_1', 42],
      [1, 'o', 'ws_1', 42, 'https://x'],
      [1, 'o', '', 42],
      [1, 'o', 'ws_1', 1.5],
      [1, 'o', null, 42],
      { v: 1, kind: 'open', w: 'ws_1', m: 42 },
      'not an array',
    ]) {
      expect(verifyToken(SECRET, forge(wire)), JSON.stringify(wire)).toBeNull();
    }
    const notJson = Buffer.from('{oops').toString('base64url');
    const sig = createHmac('sha256', key).update(notJson).digest().subarray(0, 16);
    expect(verifyToken(SECRET, `${notJson}.${sig.toString('base64url')}`)).toBeNull();
  });

  it('refuses a token of another kind when a kind is expected', () => {
    const open = signToken(SECRET, { v: 1, kind: 'open', w: 'ws_1', m: 42 });
    expect(verifyToken(SECRET, open, 'unsubscribe')).toBeNull();
    expect(verifyToken(SECRET, open, 'open')).not.toBeNull();
  });

  it('rotates keys: signs with the first secret, accepts any', () => {
    const old = signToken('old-secret', click);
    const rotated = ['new-secret', 'old-secret'];
    expect(verifyToken(rotated, old)).toEqual(click);
    const fresh = signToken(rotated, click);
    expect(verifyToken('new-secret', fresh)).toEqual(click);
    expect(verifyToken('old-secret', fresh)).toBeNull();
    expect(verifyToken([], fresh)).toBeNull();
    expect(() => signToken([], click)).toThrow();
  });
});
