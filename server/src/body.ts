import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, errorResponse } from './errors.ts';
import { formatBytes } from './limits.ts';

/**
 * Refuses a body over `maxBytes` with a JSON 413: by its Content-Length before reading it,
 * and, for a chunked body, as soon as the bytes read pass the limit. The rest of such a body
 * is never read, so the answer closes the connection (else the client would send its next
 * request on a socket the server is about to drop).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      c.header('Connection', 'close');
      return errorResponse(
        c,
        new ApiError(413, 'payload_too_large', `the body is larger than ${formatBytes(maxBytes)}`, {
          limit: maxBytes,
        }),
      );
    },
  });
}

/**
 * The raw bytes of a JSON request body. The media type must say JSON (or be absent): a form
 * or text/plain post is refused, which also keeps simple cross-site form posts out.
 */
export async function jsonBodyBytes(c: Context): Promise<Uint8Array> {
  const type = c.req.header('content-type');
  if (type !== undefined && !isJsonMediaType(type))
    throw new ApiError(
      415,
      'unsupported_media_type',
      `send the body as application/json (got ${JSON.stringify(type)})`,
    );
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0)
    throw new ApiError(400, 'invalid_json', 'the body is empty: send a sequence file as JSON');
  return bytes;
}

function isJsonMediaType(header: string): boolean {
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}
