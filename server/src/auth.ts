import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Sql } from './db/types.ts';
import { ApiError } from './errors.ts';

export type Role = 'admin' | 'editor' | 'viewer';

/** What the bearer-token check puts on the request: the caller's workspace and role. */
export interface ApiEnv {
  Variables: { workspace: string; role: Role };
}

/** Only the SHA-256 of a token is stored (api_tokens.token_hash). */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** last_used_at is a hint for people, not an audit log: one write a minute per token is plenty. */
const TOUCH_EVERY_MS = 60_000;

/**
 * `Authorization: Bearer <token>` → the token's workspace and role, or 401. Viewers may only
 * read: any other method is a 403, on every route behind this guard. A wrong token and an
 * unknown one get the same answer, so the answer tells nothing about which tokens exist.
 */
export function bearerAuth(sql: Sql): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    // RFC 6750: a 401 names the scheme to use.
    c.header('WWW-Authenticate', 'Bearer');
    const token = bearerToken(c);
    const [found] = await sql<
      Array<{ id: string; workspace_id: string; role: Role; last_used_at: Date | null }>
    >`
      select id, workspace_id, role, last_used_at from api_tokens
      where token_hash = ${hashToken(token)} and revoked_at is null`;
    if (!found)
      throw new ApiError(401, 'unauthorized', 'the bearer token is not valid (unknown or revoked)');
    if (!found.last_used_at || Date.now() - found.last_used_at.getTime() > TOUCH_EVERY_MS)
      await sql`update api_tokens set last_used_at = now() where id = ${found.id}`;
    if (found.role === 'viewer' && !READS.has(c.req.method))
      throw new ApiError(403, 'forbidden', "this token is a viewer's: it may only read (GET)", {
        role: found.role,
      });
    c.header('WWW-Authenticate', undefined);
    c.set('workspace', found.workspace_id);
    c.set('role', found.role);
    await next();
  };
}

function bearerToken(c: Context): string {
  const header = c.req.header('authorization');
  if (!header)
    throw new ApiError(401, 'unauthorized', 'send an API token: Authorization: Bearer <token>');
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match?.[1])
    throw new ApiError(
      401,
      'unauthorized',
      'the Authorization header must be "Bearer <token>" (one token, no other scheme)',
    );
  return match[1];
}
