import type { OutboxEntry, OutboxMessage } from '@nudge/schema/api';

/**
 * The outbox through the HTTP API (GET /api/outbox, /api/outbox/:id, /api/outbox/:id/raw): a
 * client that says "the token was refused" and "not for this token's role" apart from other
 * failures. The shapes are @nudge/schema/api's.
 */

export type { OutboxEntry, OutboxMessage };

export interface OutboxPage {
  entries: OutboxEntry[];
  /** The `before` of the next page; null on the last page. */
  next: number | null;
}

export interface OutboxClient {
  list(before?: number | null): Promise<OutboxPage>;
  message(id: number): Promise<OutboxMessage>;
  /** The message as stored (RFC 5322), as text; refused to viewers (NotAllowedError). */
  raw?(id: number): Promise<string>;
}

/** The API refused the token (401): ask for another. */
export class TokenRefusedError extends Error {
  override name = 'TokenRefusedError';
}

/** The token is good, but its role may not do this (403), with the API's own message. */
export class NotAllowedError extends Error {
  override name = 'NotAllowedError';
}

/** Any other failure, with the API's own message when it gave one. */
export class OutboxLoadError extends Error {
  override name = 'OutboxLoadError';
}

const PAGE_SIZE = 50;

/** The client of the server this page came from, with `token` as the bearer token. */
export function httpOutboxClient(token: string, fetchFn: typeof fetch = fetch): OutboxClient {
  const get = async (path: string, accept = 'application/json') => {
    let res: Response;
    try {
      res = await fetchFn(path, { headers: { authorization: `Bearer ${token}`, accept } });
    } catch (error) {
      throw new OutboxLoadError((error as Error).message || String(error));
    }
    if (res.status === 401) throw new TokenRefusedError(await errorMessage(res));
    if (res.status === 403) throw new NotAllowedError(await errorMessage(res));
    if (!res.ok) throw new OutboxLoadError(await errorMessage(res));
    return res;
  };
  return {
    async list(before) {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (before) query.set('before', String(before));
      const res = await get(`/api/outbox?${query}`);
      const entries = (await res.json()) as OutboxEntry[];
      return { entries, next: nextBefore(res.headers.get('link')) };
    },
    async message(id) {
      return (await (await get(`/api/outbox/${id}`)).json()) as OutboxMessage;
    },
    async raw(id) {
      return (await get(`/api/outbox/${id}/raw`, 'message/rfc822')).text();
    },
  };
}

/** The `before` of a `Link: <…?before=N…>; rel="next"` header. */
export function nextBefore(link: string | null): number | null {
  const target = /<([^>]*)>\s*;\s*rel="?next"?/.exec(link ?? '')?.[1];
  if (!target) return null;
  const before = Number(new URLSearchParams(target.split('?')[1] ?? '').get('before'));
  return Number.isInteger(before) && before > 0 ? before : null;
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // Not the API's JSON (a proxy's page, say): the status says enough.
  }
  return `HTTP ${res.status}`;
}
