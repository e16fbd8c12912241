import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { LIMITS } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../api.test-support.ts';
import { createApp } from '../app.ts';
import type { ErrorBody } from '../errors.ts';
import { silentLogger } from '../log.ts';
import { readExample } from '../test-support.ts';

/* POST /api/validate with the API's tokens: small bodies for anyone, the file limit with a token. */

const { sql } = await createTestDatabase();
const app = createApp({ sql, logger: silentLogger });
const w = await createWorkspace(sql);

const validate = (body: string, token?: string) =>
  app.request('/api/validate', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body,
  });

/** A valid sequence file of about `bytes`: an example with trailing whitespace. */
const padded = (bytes: number) => {
  const text = readExample('cold-mail');
  return text + ' '.repeat(bytes - Buffer.byteLength(text));
};

describe('POST /api/validate, open to all but not for large bodies', () => {
  it('takes up to 256 KiB without a token', async () => {
    const res = await validate(padded(256 * 1024));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('refuses more without a token: 413 naming the limit, and that a token raises it', async () => {
    const res = await validate(padded(256 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    const body = (await res.json()) as ErrorBody;
    expect(body).toEqual({
      error: {
        code: 'payload_too_large',
        message: expect.stringContaining('larger than 256 KiB, the limit without an API token'),
        details: { limit: 256 * 1024, limitWithToken: LIMITS.fileBytes },
      },
    });
    expect(body.error.message).toContain('Authorization: Bearer');
    expect(body.error.message).toContain('up to 16 MiB');
  });

  it('refuses a 14 MiB object of 1.25 million keys from a stranger without parsing it', async () => {
    const keys = Array.from({ length: 1_250_000 }, (_, i) => `"key${i}":0`);
    const huge = `{${keys.join(',')}}`;
    expect(huge.length).toBeGreaterThan(13 * 1024 * 1024);
    // Refused by its Content-Length, unread: parsing it held the event loop for over a second.
    const res = await validate(huge);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.details?.limit).toBe(256 * 1024);
  });

  it('takes up to LIMITS.fileBytes with a valid token of any role, a viewer’s too', async () => {
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const res = await validate(padded(4 * 1024 * 1024), w.tokens[role]);
      expect(res.status, role).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true });
    }
    const over = await validate(' '.repeat(LIMITS.fileBytes + 1), w.tokens.viewer);
    expect(over.status).toBe(413);
    expect(((await over.json()) as ErrorBody).error).toEqual({
      code: 'payload_too_large',
      message: 'the body is larger than 16 MiB',
      details: { limit: LIMITS.fileBytes },
    });
  });

  it('answers 401 for a wrong or revoked token, whatever the body', async () => {
    for (const body of [padded(16 * 1024), padded(1024 * 1024)]) {
      const res = await validate(body, 'not-a-token');
      expect(res.status).toBe(401);
      expect(((await res.json()) as ErrorBody).error.code).toBe('unauthorized');
    }
  });
});
