import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from './log.ts';
import { type RunningServer, startServer } from './start.ts';

/*
 * Requests the app never sees get the API's JSON error too, over a real socket: Node's parser
 * and @hono/node-server answered them with a bare status line (found by the API fuzzer).
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, editorDir: null, logger: silentLogger });
});
afterAll(() => server.close());

/** Sends `raw` on a new connection; resolves with all it got back once the server closes it. */
function exchange(raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      data += chunk;
      // A keep-alive answer: the whole of it is there once its Content-Length is.
      const length = /content-length: (\d+)/i.exec(data)?.[1];
      const head = data.indexOf('\r\n\r\n');
      if (length && head >= 0 && Buffer.byteLength(data.slice(head + 4)) >= Number(length))
        socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(data));
    socket.write(raw);
  });
}

function answer(data: string) {
  const [head = '', text = ''] = data.split('\r\n\r\n');
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
    type: /content-type: ([^\r\n]+)/i.exec(head)?.[1],
    body: JSON.parse(text) as { error: { code: string; message: string } },
  };
}

describe('errors before the app', () => {
  it('a request-target without its leading slash: 400 in JSON', async () => {
    const got = answer(await exchange('GET api/health HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(got).toEqual({
      status: 400,
      type: 'application/json',
      body: { error: { code: 'bad_request', message: expect.any(String) } },
    });
  });

  it('a backslash in the path: 400 in JSON, naming why', async () => {
    const got = answer(await exchange('GET /api\\health HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(got.status).toBe(400);
    expect(got.type).toMatch(/^application\/json/);
    expect(got.body.error).toEqual({
      code: 'bad_request',
      message: "the request can't be read: Backslash in request path",
    });
  });

  it('headers too large: 431 in JSON', async () => {
    const got = answer(
      await exchange(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(got).toMatchObject({ status: 431, body: { error: { code: 'headers_too_large' } } });
  });

  it('leaves good requests alone', async () => {
    const got = answer(await exchange('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(got).toMatchObject({ status: 200, body: { ok: true } });
  });
});
