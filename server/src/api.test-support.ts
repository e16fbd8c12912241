/** Test support for the API on PostgreSQL: a workspace with tokens, and requests with them. */
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { hashToken, type Role } from './auth.ts';
import type { Sql } from './db/types.ts';
import { silentLogger } from './log.ts';

export interface TestWorkspace {
  id: string;
  /** A token per role. */
  tokens: Record<Role, string>;
}

let count = 0;

export async function createWorkspace(sql: Sql, name = 'Hanbit'): Promise<TestWorkspace> {
  const [row] = await sql<Array<{ id: string }>>`
    insert into workspaces (name, default_sender)
    values (${name}, ${sql.json({ name: 'Nudge', email: 'team@nudge.test' })}) returning id`;
  const id = row?.id as string;
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    const token = `tok-${role}-${++count}-${crypto.randomUUID()}`;
    await sql`insert into api_tokens (workspace_id, name, token_hash, role)
              values (${id}, ${role}, ${hashToken(token)}, ${role})`;
    tokens[role] = token;
  }
  return { id, tokens };
}

/** The app on `sql`, and a request helper: `call(token, 'POST', '/api/…', body)`. */
export function apiOn(sql: Sql) {
  const app: Hono = createApp({ sql, logger: silentLogger });
  const call = async (token: string | null, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, {
      method,
      headers,
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by path in assertions
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: res.status, headers: res.headers, json };
  };
  return { app, call };
}
