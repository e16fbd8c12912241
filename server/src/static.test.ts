/**
 * The editor's files over a real socket: requests are written byte for byte, so that what
 * reaches the server is the path as sent, not one a URL parser has already tidied up.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './start.ts';
import { fakeEditor, tempDir } from './test-support.ts';

// dist/ is the editor; its parent and a sibling whose name starts like it hold secrets.
const SECRET = `sentinel-${crypto.randomUUID()}`;
const tree = tempDir({
  ...Object.fromEntries(Object.entries(fakeEditor).map(([name, text]) => [`dist/${name}`, text])),
  sentinel: SECRET,
  'sentinel.txt': SECRET,
  'dist-private/sentinel.txt': SECRET,
});
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, editorDir: join(tree.dir, 'dist') });
});
afterAll(async () => {
  await server?.close();
  tree.remove();
});

/** Sends one GET with `target` exactly as given, and reads the answer to the connection's end. */
function rawGet(target: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () =>
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }),
    );
    socket.write(
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      'latin1',
    );
  });
}

describe('the editor over a real socket', () => {
  it('answers a plain raw request (the helper works)', async () => {
    const page = await rawGet('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    const asset = await rawGet('/assets/index-Ab12Cd.js');
    expect(asset.text).toContain('console.log("nudge editor");');
  });

  const escapes = [
    '/../sentinel',
    '/../sentinel.txt',
    '/../../sentinel.txt',
    '/%2e%2e/sentinel',
    '/%2e%2e/sentinel.txt',
    '/%2E%2E/sentinel.txt',
    '/.%2e/sentinel.txt',
    '/%2e%2e%2fsentinel',
    '/%2e%2e%2fsentinel.txt',
    '/..%2fsentinel.txt',
    '/..%5csentinel',
    '/..%5csentinel.txt',
    '/%2e%2e%5csentinel.txt',
    '/..\\sentinel.txt',
    '/assets/../../sentinel',
    '/assets/../../sentinel.txt',
    '/assets/%2e%2e/%2e%2e/sentinel.txt',
    '/assets/..%2f..%2fsentinel.txt',
    '/assets/..%5c..%5csentinel.txt',
    '/../dist-private/sentinel.txt',
    '/%2e%2e/dist-private/sentinel.txt',
    '/assets/..%2f..%2fdist-private%2fsentinel.txt',
    // null bytes, encoded and raw
    '/%00/../sentinel.txt',
    '/..%00/sentinel.txt',
    '/sentinel.txt%00',
    '/%2e%2e/sentinel.txt%00.js',
    '/assets/%00../../sentinel.txt',
    '/\0/../sentinel.txt',
    // double encoding, and overlong UTF-8 for '.'
    '/%252e%252e/sentinel.txt',
    '/%252e%252e%252fsentinel.txt',
    '/assets/%252e%252e%252f%252e%252e%252fsentinel.txt',
    '/%c0%ae%c0%ae/sentinel.txt',
    // other forms of the request target
    '//../sentinel.txt',
    `/${join(tree.dir, 'sentinel.txt')}`,
    `${join(tree.dir, 'sentinel.txt')}`,
    'http://127.0.0.1/../sentinel.txt',
    'http://127.0.0.1/%2e%2e/sentinel.txt',
  ];

  it.each(escapes)('never answers %j with a file outside the editor', async (target) => {
    const { status, text } = await rawGet(target);
    expect(text).not.toContain(SECRET);
    // Either refused, or (for a path without an extension) the editor's own page.
    if (status === 200) expect(text).toContain('<div id="root">');
    else expect([400, 404]).toContain(status);
  });
});
