import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { type Logger, silentLogger } from './log.ts';
import { EditorNotBuiltError, startServer } from './start.ts';
import { fakeEditor, readExample, tempDir } from './test-support.ts';

const editor = tempDir(fakeEditor);
afterAll(() => editor.remove());

describe('startServer', () => {
  it('serves the API and the editor over HTTP on a free port, then closes', async () => {
    const server = await startServer({ port: 0, editorDir: editor.dir, logger: silentLogger });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.port).toBeGreaterThan(0);
      const validated = await fetch(`${server.url}/api/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: readExample('onboarding'),
      });
      expect(await validated.json()).toEqual({ ok: true, errors: [], warnings: [] });
      const page = await fetch(`${server.url}/sequences/onboarding`);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('refuses a chunked body over the limit over a real socket, and closes that connection', async () => {
    const server = await startServer({ port: 0, editorDir: null, maxBodyBytes: 1024 });
    try {
      const answer = await new Promise<{ status: number; connection?: string; body: string }>(
        (resolve, reject) => {
          const req = request(`${server.url}/api/validate`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
          });
          req.on('response', (res) => {
            let body = '';
            res.on('data', (chunk) => {
              body += chunk;
            });
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
            );
          });
          req.on('error', reject);
          for (let i = 0; i < 8; i++) req.write(' '.repeat(512)); // no Content-Length: chunked
          req.end();
        },
      );
      expect(answer.status).toBe(413);
      expect(answer.connection).toBe('close');
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'payload_too_large' } });
      // The next request, on a new connection, is answered as usual.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('logs nothing when a client leaves mid-body: that is not a fault of ours', async () => {
    const logged: Array<{ message: string; fields?: Record<string, unknown> }> = [];
    const logger: Logger = {
      info: (message, fields) => logged.push({ message, fields }),
      error: (message, fields) => logged.push({ message, fields }),
    };
    const server = await startServer({ port: 0, editorDir: null, logger });
    try {
      for (const framing of ['Content-Length: 1000', 'Transfer-Encoding: chunked']) {
        const body = framing.startsWith('Content-Length') ? '{"a":1' : '6\r\n{"a":1\r\n';
        const socket = connect(server.port, '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.write(
          `POST /api/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${framing}\r\n\r\n${body}`,
        );
        await sleep(100); // the server reads the head and starts on the body
        socket.destroy();
        await sleep(200);
      }
      expect(logged).toEqual([]);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses to start without a built editor, saying how to build it', async () => {
    const empty = tempDir();
    try {
      await expect(startServer({ port: 0, editorDir: empty.dir })).rejects.toThrow(
        EditorNotBuiltError,
      );
      await expect(startServer({ port: 0, editorDir: empty.dir })).rejects.toThrow(/pnpm start/);
    } finally {
      empty.remove();
    }
  });

  it('rejects when the port is taken', async () => {
    const first = await startServer({ port: 0, editorDir: null });
    try {
      await expect(startServer({ port: first.port, editorDir: null })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await first.close();
    }
  });

  it('closes while a keep-alive connection is open', async () => {
    const server = await startServer({ port: 0, editorDir: null });
    await fetch(`${server.url}/api/health`); // leaves an idle keep-alive socket in fetch's pool
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
