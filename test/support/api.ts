import { inject } from 'vitest';

/**
 * The started server's HTTP API (FORMAT.md section 8) with the run's admin token, for what a
 * test sets up or checks behind the builder's back: a sequence made by a script, contacts
 * enrolled, a draft changed by someone else, where the enrollments are.
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(new URL(`/api${path}`, inject('baseUrl')), {
    method,
    headers: {
      authorization: `Bearer ${inject('apiToken')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A sequence's draft on the server, as GET /api/sequences/:id answers it. */
export interface ServerDraft {
  id: string;
  name: string;
  revision: number;
  draft: { name: string; nodes: Array<{ id: string; type: string; data: unknown }> };
}

export const draftOf = (id: string) => api<ServerDraft>('GET', `/sequences/${id}`);
