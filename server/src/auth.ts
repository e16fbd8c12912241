import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { FailureLimiter } from './auth-limiter.ts';
import { clientKey } from './client-address.ts';
import type { Sql } from './db/types.ts';
import { ApiError } from './errors.ts';

export type Role = 'admin' | 'editor' | 'viewer';

/** What the bearer-token check puts on the request: the caller's workspace and role. */
export interface ApiEnv {
  /** `tokenId`: the api_tokens row, when a bearer token was the credential (limits per token). */
  Variables: { workspace: string; role: Role; tokenId?: string };
}

/** Only the SHA-256 of a token is stored (api_tokens.token_hash). */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** last_used_at is a hint for people, not an audit log: one write a minute per token is plenty. */
const TOUCH_EVERY_MS = 60_000;

export interface BearerOptions {
  /**
   * Failed authentications per client address: one per app, shared by every route that reads
   * tokens (validate too), else each would give a guesser a budget of its own.
   */
  limiter?: FailureLimiter;
}

/**
 * `Authorization: Bearer <token>` → the token's workspace and role, or 401. A wrong token and
 * an unknown one get the same answer, so the answer tells nothing about which tokens exist.
 * Each wrong token counts against the client's address (auth-limiter.ts): past its budget, a
 * request with a token is a 429 with Retry-After before any lookup. Roles are checked after
 * this, by `viewersOnlyRead`.
 */
export function bearerAuth(sql: Sql, options: BearerOptions = {}): MiddlewareHandler<ApiEnv> {
  const limiter = options.limiter ?? new FailureLimiter();
  return async (c, next) => {
    // RFC 6750: a 401 names the scheme to use.
    c.header('WWW-Authenticate', 'Bearer');
    const client = clientKey(c);
    if (client !== null && c.req.header('authorization') !== undefined) {
      const waitMs = limiter.waitMs(client);
      if (waitMs > 0) throw tooManyFailures(c, waitMs);
    }
    const token = bearerToken(c);
    const [found] = await sql<
      Array<{ id: string; workspace_id: string; role: Role; last_used_at: Date | null }>
    >`
      select id, workspace_id, role, last_used_at from api_tokens
      where token_hash = ${hashToken(token)} and revoked_at is null`;
    if (!found) {
      if (client !== null) limiter.fail(client);
      throw new ApiError(401, 'unauthorized', 'the bearer token is not valid (unknown or revoked)');
    }
    if (!found.last_used_at || Date.now() - found.last_used_at.getTime() > TOUCH_EVERY_MS)
      await sql`update api_tokens set last_used_at = now() where id = ${found.id}`;
    c.header('WWW-Authenticate', undefined);
    c.set('workspace', found.workspace_id);
    c.set('role', found.role);
    c.set('tokenId', found.id);
    await next();
  };
}

/**
 * Viewers may only read: any other method is a 403, on every route behind the guard. Runs
 * after the authentication (bearerAuth, or AppOptions.authenticate), which sets the role.
 */
export function viewersOnlyRead(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (c.var.role === 'viewer' && !READS.has(c.req.method))
      throw new ApiError(403, 'forbidden', "this token is a viewer's: it may only read (GET)", {
        role: 'viewer',
      });
    await next();
  };
}

function tooManyFailures(c: Context, waitMs: number): ApiError {
  const seconds = Math.ceil(waitMs / 1000);
  c.header('WWW-Authenticate', undefined);
  c.header('Retry-After', String(seconds));
  return new ApiError(
    429,
    'too_many_requests',
    `too many wrong API tokens from this address: try again in ${seconds} s`,
    { retryAfter: seconds },
  );
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
