import { describe, expect, it, vi } from 'vitest';
import {
  httpOutboxClient,
  NotAllowedError,
  nextBefore,
  OutboxLoadError,
  TokenRefusedError,
} from './api.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('httpOutboxClient', () => {
  it('lists a page with the bearer token, and reads the next page from Link', async () => {
    const fetchFn = vi.fn(async () =>
      json(200, [{ id: 7 }], { link: '</api/outbox?limit=50&before=7>; rel="next"' }),
    );
    const page = await httpOutboxClient('t0ken', fetchFn).list(12);
    expect(page).toEqual({ entries: [{ id: 7 }], next: 7 });
    expect(fetchFn).toHaveBeenCalledWith('/api/outbox?limit=50&before=12', {
      headers: { authorization: 'Bearer t0ken', accept: 'application/json' },
    });
  });

  it('tells a refused token (401) apart from other failures, with the API’s message', async () => {
    const refused = httpOutboxClient('bad', async () =>
      json(401, { error: { code: 'unauthorized', message: 'the bearer token is not valid' } }),
    );
    await expect(refused.message(1)).rejects.toThrow(TokenRefusedError);
    const missing = httpOutboxClient('t', async () =>
      json(404, { error: { code: 'message_not_found', message: 'no captured message "1"' } }),
    );
    await expect(missing.message(1)).rejects.toThrow(
      new OutboxLoadError('no captured message "1"'),
    );
    const proxy = httpOutboxClient('t', async () => new Response('<html>', { status: 502 }));
    await expect(proxy.list()).rejects.toThrow('HTTP 502');
    const offline = httpOutboxClient('t', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(offline.list()).rejects.toThrow(new OutboxLoadError('Failed to fetch'));
  });
});

describe('nextBefore', () => {
  it('reads a raw message as text, and tells a refusal for the role (403) apart', async () => {
    const fetchFn = vi.fn(
      async () =>
        new Response('Subject: hi\r\n\r\nhi\r\n', {
          headers: { 'content-type': 'message/rfc822' },
        }),
    );
    expect(await httpOutboxClient('t0ken', fetchFn).raw?.(7)).toBe('Subject: hi\r\n\r\nhi\r\n');
    expect(fetchFn).toHaveBeenCalledWith('/api/outbox/7/raw', {
      headers: { authorization: 'Bearer t0ken', accept: 'message/rfc822' },
    });
    const viewer = httpOutboxClient('v', async () =>
      json(403, { error: { code: 'forbidden', message: 'not for a viewer' } }),
    );
    await expect(viewer.raw?.(7)).rejects.toThrow(new NotAllowedError('not for a viewer'));
  });

  it('reads before= of a rel="next" link, and nothing else', () => {
    expect(nextBefore('</api/outbox?limit=2&before=41>; rel="next"')).toBe(41);
    expect(nextBefore(null)).toBeNull();
    expect(nextBefore('</api/outbox?before=41>; rel="prev"')).toBeNull();
    expect(nextBefore('</api/outbox?limit=2>; rel="next"')).toBeNull();
  });
});
