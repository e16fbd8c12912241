import { Agent, request as httpRequest } from 'node:http';
import type { Hono } from 'hono';
import type { FuzzRequest } from './request.test-support.ts';

/**
 * Sending a fuzz request: through `app.request` (fast, no socket), or over a real HTTP
 * connection to a started server (sockets, Node's parser, @hono/node-server's request
 * building). Either way the answer is read to its end, and timed from the first byte sent to
 * the last byte read.
 */
export interface Answer {
  status: number;
  headers: Map<string, string>;
  body: Uint8Array;
  ms: number;
}

export async function viaApp(app: Hono, r: FuzzRequest): Promise<Answer> {
  const started = performance.now();
  const res = await app.request(r.path, {
    method: r.method,
    headers: r.headers,
    // The Fetch API can't send a body with GET or HEAD (HTTP can: see viaHttp).
    ...(r.body === undefined || r.method === 'GET' || r.method === 'HEAD'
      ? {}
      : { body: r.body as Uint8Array<ArrayBuffer> }),
  });
  const body = new Uint8Array(await res.arrayBuffer());
  const headers = new Map<string, string>();
  res.headers.forEach((value, name) => {
    headers.set(name, value);
  });
  return { status: res.status, headers, body, ms: performance.now() - started };
}

/** A client of one server: its own keep-alive pool, so that a server's end ends its sockets. */
export class HttpClient {
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 8 });
  readonly host: string;
  readonly port: number;
  constructor(host: string, port: number) {
    this.host = host;
    this.port = port;
  }

  async send(r: FuzzRequest, timeoutMs = 10_000): Promise<Answer> {
    try {
      return await this.#send(r, timeoutMs);
    } catch (error) {
      // A pooled connection the server closed as idle just as it was picked: the request never
      // reached the server. Node's documented remedy is to send it again, on a new connection.
      if ((error as { reused?: boolean }).reused) return await this.#send(r, timeoutMs);
      throw error;
    }
  }

  #send(r: FuzzRequest, timeoutMs: number): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const headers: Record<string, string | number> = { ...r.headers };
      if (r.body !== undefined && !r.chunked) headers['content-length'] = r.body.length;
      // Said outright: Node's client frames a written body by itself only for methods that
      // usually have one, and sends a GET's or DELETE's bytes bare, as the next request.
      if (r.body !== undefined && r.chunked) headers['transfer-encoding'] = 'chunked';
      let answered = false;
      const req = httpRequest(
        {
          host: this.host,
          port: this.port,
          method: r.method,
          path: r.path,
          headers,
          agent: this.#agent,
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const map = new Map<string, string>();
            for (const [name, value] of Object.entries(res.headers))
              if (value !== undefined)
                map.set(name, Array.isArray(value) ? value.join(', ') : value);
            resolve({
              status: res.statusCode ?? 0,
              headers: map,
              body: new Uint8Array(Buffer.concat(chunks)),
              ms: performance.now() - started,
            });
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) => {
        // A server that answers before the body is all sent (413) closes the connection under
        // the rest of it: the answer counts, the failed write does not.
        if (answered) return;
        const code = (error as { code?: string }).code;
        reject(Object.assign(error, { reused: req.reusedSocket && code === 'ECONNRESET' }));
      });
      if (r.body === undefined) req.end();
      else if (!r.chunked) req.end(r.body);
      else {
        // In a few chunks, so that a limit must count bytes as they come.
        const third = Math.ceil(r.body.length / 3) || 1;
        for (let i = 0; i < r.body.length; i += third) req.write(r.body.subarray(i, i + third));
        req.end();
      }
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}
