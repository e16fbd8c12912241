import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode, UnofficialStatusCode } from 'hono/utils/http-status';
import type { Logger } from './log.ts';

/**
 * Every error answer of the API has one shape (FORMAT.md section 8):
 * `{ "error": { "code", "message", "details"? } }`, with a 4xx for anything the caller can fix
 * and a 500 only for our own faults, which are logged and never described to the caller.
 */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** An error answer, thrown from a handler: `throw new ApiError(415, 'unsupported_media_type', …)`. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function errorResponse(c: Context, error: ApiError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return c.json(body, error.status);
}

/** Codes for the 4xx that Hono itself or its middleware may raise. */
const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

export function errorHandler(logger: Logger): ErrorHandler {
  return (err, c) => {
    // The client went away (mid-body, say): its doing, not a fault of ours, so no incident in
    // the log (anyone could fill it so), and no answer, as there is no one to send it to.
    if (clientLeft(c, err)) return c.body(null, CLIENT_CLOSED_REQUEST);
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      const code = HTTP_CODES[err.status] ?? 'bad_request';
      return errorResponse(
        c,
        new ApiError(err.status, code, err.message || code.replace(/_/g, ' ')),
      );
    }
    const incident = crypto.randomUUID();
    logger.error(`${c.req.method} ${c.req.path} failed`, {
      incident,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return errorResponse(
      c,
      new ApiError(500, 'internal_error', 'the server failed on this request; it has been logged', {
        incident,
      }),
    );
  };
}

/**
 * nginx's status for a request whose client closed the connection: never sent (the socket is
 * gone, and @hono/node-server's writes to it go nowhere), it only marks the request as such.
 */
const CLIENT_CLOSED_REQUEST = 499 as UnofficialStatusCode;

/**
 * Whether `err` is the request's own end: its signal aborted (@hono/node-server aborts it when
 * the connection closes before the answer) and the error is what reading from a closed
 * connection gives. A fault of ours that happens to come after the client left is still one.
 */
function clientLeft(c: Context, err: unknown): boolean {
  if (!c.req.raw.signal.aborted) return false;
  if (err === c.req.raw.signal.reason) return true;
  const { name, code } = err as { name?: unknown; code?: unknown };
  return (
    name === 'AbortError' ||
    code === 'ECONNRESET' ||
    code === 'ECONNABORTED' ||
    code === 'EPIPE' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE'
  );
}

export const notFound: NotFoundHandler = (c) =>
  errorResponse(
    c,
    new ApiError(404, 'not_found', `nothing at ${c.req.method} ${c.req.path}`, {
      method: c.req.method,
      path: c.req.path,
    }),
  );

/** A handler for a path's other methods: 405 with an Allow header. */
export function methodNotAllowed(allowed: readonly string[]) {
  return (c: Context) => {
    c.header('Allow', allowed.join(', '));
    return errorResponse(
      c,
      new ApiError(405, 'method_not_allowed', `${c.req.path} takes ${allowed.join(' or ')}`, {
        allowed,
      }),
    );
  };
}
