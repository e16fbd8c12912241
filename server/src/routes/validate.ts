import type { Context, Hono, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import { ApiError, errorResponse, methodNotAllowed } from '../errors.ts';
import { formatBytes } from '../limits.ts';
import { checkedBody } from '../sequence-file.ts';

export interface ValidateOptions {
  /** The largest body taken from a caller with a valid API token. */
  maxBodyBytes: number;
  /** The largest body taken from anyone else (at most maxBodyBytes). */
  openBodyBytes: number;
  /**
   * Checks a token when the request sends one (the guard's: 401 for a wrong one, 429 when the
   * address made too many). Absent (no database), a token raises nothing.
   */
  authenticate?: MiddlewareHandler<ApiEnv> | undefined;
}

/** 256 KiB: a few times the largest example, and a few milliseconds of parsing. */
export const OPEN_BODY_BYTES = 256 * 1024;

/**
 * POST /api/validate: a sequence file in, `{ ok, errors, warnings }` out (200 whether or not
 * the file is valid: the answer is the verdict). A body that is not JSON is a 400. A pure
 * function of the body: it reads and stores nothing, so it needs no user (see app.ts).
 *
 * But parsing is work anyone could ask for: a 16 MiB object of a million keys holds the event
 * loop for a second. Without a token the body may be `openBodyBytes`; a valid token of any
 * role raises it to `maxBodyBytes`, and a wrong one counts as a failed authentication.
 */
export function validateRoutes(api: Hono, options: ValidateOptions): void {
  api.post('/validate', limitByCaller(options), async (c) => {
    const checked = await checkedBody(c);
    const { ok, errors, warnings } = checked.result;
    return c.json({ ok, errors, warnings });
  });
  api.all('/validate', methodNotAllowed(['POST']));
}

function limitByCaller(options: ValidateOptions): MiddlewareHandler {
  const { maxBodyBytes, authenticate } = options;
  const openBytes = Math.min(options.openBodyBytes, maxBodyBytes);
  const withToken = limitBody(maxBodyBytes);
  // Only when a token would raise the limit does the answer say so.
  const raises = authenticate !== undefined && openBytes < maxBodyBytes;
  const withoutToken = raises ? openLimit(openBytes, maxBodyBytes) : limitBody(openBytes);
  return async (c: Context, next: Next) => {
    if (!raises || c.req.header('authorization') === undefined) return withoutToken(c, next);
    let valid = false;
    const refused = await authenticate(c as unknown as Context<ApiEnv>, async () => {
      valid = true;
    });
    if (valid) return withToken(c, next);
    // An authentication slot that answered by itself (rather than throwing) has the last word.
    return refused instanceof Response ? refused : withoutToken(c, next);
  };
}

/** As limitBody (body.ts), with an answer that names the larger limit a token gives. */
function openLimit(openBytes: number, maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: openBytes,
    onError: (c) => {
      c.header('Connection', 'close');
      return errorResponse(
        c,
        new ApiError(
          413,
          'payload_too_large',
          `the body is larger than ${formatBytes(openBytes)}, the limit without an API token: ` +
            `send one (Authorization: Bearer <token>) to validate files of up to ${formatBytes(maxBytes)}`,
          { limit: openBytes, limitWithToken: maxBytes },
        ),
      );
    },
  });
}
