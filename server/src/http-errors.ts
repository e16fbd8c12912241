import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { RequestError } from '@hono/node-server';
import type { ErrorBody } from './errors.ts';
import type { Logger } from './log.ts';

/**
 * Requests the app never sees, answered in the API's own shape `{ "error": { … } }` rather
 * than Node's bare status lines: what node:http can't parse (a request-target without its
 * leading slash, a broken header, headers too large, a head that took too long) and what
 * @hono/node-server refuses before the app (a backslash in the path, a wrong Host).
 */

const body = (code: string, message: string): string =>
  JSON.stringify({ error: { code, message } } satisfies ErrorBody);

/** The answer of @hono/node-server's getRequestListener when it fails: a request of ours or not. */
export function listenerErrorHandler(logger: Logger) {
  return (error: unknown): Response => {
    if (error instanceof RequestError)
      return new Response(body('bad_request', `the request can't be read: ${error.message}`), {
        status: 400,
        headers: { 'Content-Type': 'application/json' },
      });
    const incident = crypto.randomUUID();
    logger.error('the HTTP listener failed', {
      incident,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return Response.json(
      {
        error: {
          code: 'internal_error',
          message: 'the server failed on this request; it has been logged',
          details: { incident },
        },
      },
      { status: 500 },
    );
  };
}

const STATUS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'headers_too_large',
    'the request headers are too large',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    'request_timeout',
    'the request took too long to arrive',
  ],
};

/** What node:http keeps on a socket: the answer in flight, if any (not public, read as Node does). */
type HttpSocket = Duplex & { _httpMessage?: { headersSent?: boolean } | null };

/**
 * node:http's clientError, answered as Node's own handler does (unless an answer on this
 * connection has already begun, which a second one would corrupt), with a JSON body, then
 * the connection closed. A connection the client reset gets nothing: no one would read it.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: HttpSocket) => {
    if (error.code !== 'ECONNRESET' && socket.writable && !socket._httpMessage?.headersSent) {
      const [status, reason, code, message] = STATUS[error.code ?? ''] ?? [
        400,
        'Bad Request',
        'bad_request',
        'the request is not HTTP this server can read',
      ];
      const json = body(code, message);
      socket.write(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
      );
    }
    socket.destroy(error);
  });
}
