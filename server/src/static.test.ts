/**
 * The editor's files over a real socket: requests are written byte for byte, so that what
 * reaches the server is the path as sent, not one a URL parser has already tidied up.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './start.ts';
import { acceptedEncodings } from './static.ts';
import { fakeEditor, tempDir } from './test-support.ts';

// dist/ is the editor; its parent and a sibling whose name starts like it hold secrets, and
// so do files named like compressed copies of them (in plain text, so a leak would show).
const SECRET = `sentinel-${crypto.randomUUID()}`;
/** The editor's code, long enough for a range of it to mean something. */
const CODE = `${'console.log("nudge editor");\n'.repeat(200)}`;
/** A PNG's signature and then some: compressed already, so never sent with an encoding. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const PAGE = fakeEditor['index.html'];
const tree = tempDir({
  ...Object.fromEntries(Object.entries(fakeEditor).map(([name, text]) => [`dist/${name}`, text])),
  ...withCopies('dist/index.html', PAGE),
  ...withCopies('dist/assets/app-Xy12Zw.js', CODE),
  // The icon has a gzip copy only: a browser that takes brotli too gets that one.
  'dist/favicon.svg.gz': gzipSync(fakeEditor['favicon.svg']),
  'dist/assets/photo-Ab12Cd.png': PNG,
  'dist/assets/photo-Ab12Cd.png.br': brotliCompressSync(PNG),
  sentinel: SECRET,
  'sentinel.txt': SECRET,
  'sentinel.txt.br': SECRET,
  'sentinel.txt.gz': SECRET,
  'dist-private/sentinel.txt': SECRET,
  'dist-private/sentinel.txt.br': SECRET,
});
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, editorDir: join(tree.dir, 'dist') });
});
afterAll(async () => {
  await server?.close();
  tree.remove();
});

/** A file and the brotli and gzip copies the build writes beside it (editor/precompress.ts). */
function withCopies(path: string, text: string): Record<string, string | Uint8Array> {
  return { [path]: text, [`${path}.br`]: brotliCompressSync(text), [`${path}.gz`]: gzipSync(text) };
}

interface RawAnswer {
  status: number;
  /** The whole answer, as latin1 text. */
  text: string;
  headers: Map<string, string>;
  body: Buffer;
}

/**
 * Sends one request with `target` exactly as given, and reads the answer to the connection's
 * end. `headers` are added as given (Accept-Encoding, If-None-Match, Range...).
 */
function rawGet(
  target: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const end = text.indexOf('\r\n\r\n');
      const head = end < 0 ? text : text.slice(0, end);
      const fields = new Map<string, string>();
      for (const line of head.split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0)
          fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0),
        text,
        headers: fields,
        body: Buffer.from(end < 0 ? '' : text.slice(end + 4), 'latin1'),
      });
    });
    const extra = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(
      `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`,
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
    const gzipped = await rawGet('/assets/app-Xy12Zw.js', { 'Accept-Encoding': 'gzip' });
    expect(gunzipSync(gzipped.body).toString()).toBe(CODE);
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
    // Plain, and taking compressed copies (the secrets' "copies" hold it in plain text).
    for (const headers of [{}, { 'Accept-Encoding': 'br, gzip' }] as Record<string, string>[]) {
      const { status, text, body, headers: answer } = await rawGet(target, headers);
      expect(text).not.toContain(SECRET);
      // Either refused, or (for a path without an extension) the editor's own page.
      if (status === 200) expect(decoded(body, answer.get('content-encoding'))).toBe(PAGE);
      else expect([400, 404]).toContain(status);
    }
  });
});

/** The body as the browser reads it, after its Content-Encoding. */
function decoded(body: Buffer, encoding: string | undefined): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString();
  if (encoding === 'gzip') return gunzipSync(body).toString();
  if (encoding !== undefined) throw new Error(`unexpected Content-Encoding ${encoding}`);
  return body.toString();
}

describe('compressed answers', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['identity', undefined],
    ['deflate', undefined],
    ['', undefined],
  ])('answers Accept-Encoding %j with %s, varying on it', async (accept, encoding) => {
    const res = await rawGet('/assets/app-Xy12Zw.js', accept ? { 'Accept-Encoding': accept } : {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers.get('content-length'))).toBe(res.body.length);
    expect(decoded(res.body, encoding)).toBe(CODE);
    if (encoding) expect(res.body.length).toBeLessThan(CODE.length / 10);
  });

  it('reads q-values as RFC 9110 does', () => {
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('BR , GZip')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=0.8, br;q=0.9')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip; q=0.8, br;q=0.2')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.000')).toEqual([]);
    expect(acceptedEncodings('br;q=nonsense, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('*, gzip;q=0')).toEqual(['br']);
  });

  it('sends the page compressed at / and at the editor routes', async () => {
    for (const path of ['/', '/index.html', '/sequences/cold-mail']) {
      const res = await rawGet(path, { 'Accept-Encoding': 'gzip, br' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-encoding'), path).toBe('br');
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(res.headers.get('vary'), path).toBe('Accept-Encoding');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(decoded(res.body, 'br'), path).toBe(PAGE);
    }
  });

  it('sends the copy there is: gzip when the build wrote no brotli copy', async () => {
    const res = await rawGet('/favicon.svg', { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(decoded(res.body, 'gzip')).toBe(fakeEditor['favicon.svg']);
    // No copy at all: the file itself, still marked as varying (another build may have one).
    const plain = await rawGet('/assets/index-Ab12Cd.js', { 'Accept-Encoding': 'br, gzip' });
    expect(plain.headers.get('content-encoding')).toBeUndefined();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(fakeEditor['assets/index-Ab12Cd.js']);
  });

  it('never sends an image with an encoding, even when a copy lies beside it', async () => {
    const res = await rawGet('/assets/photo-Ab12Cd.png', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-encoding')).toBeUndefined();
    expect(res.headers.get('vary')).toBeUndefined();
    expect(res.body.equals(PNG)).toBe(true);
  });

  it('sends a range of the file itself, never of a compressed copy', async () => {
    const res = await rawGet('/assets/app-Xy12Zw.js', {
      'Accept-Encoding': 'br, gzip',
      Range: 'bytes=10-29',
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-encoding')).toBeUndefined();
    expect(res.headers.get('content-range')).toBe(`bytes 10-29/${CODE.length}`);
    expect(res.body.toString()).toBe(CODE.slice(10, 30));
  });

  it('answers HEAD with the headers of the copy it would send', async () => {
    const res = await rawGet('/assets/app-Xy12Zw.js', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Number(res.headers.get('content-length'))).toBe(gzipSync(CODE).length);
    expect(res.body.length).toBe(0);
  });
});

describe('revalidating the page', () => {
  it('tags each encoding of the page, and answers 304 to a request naming its tag', async () => {
    const tags = new Set<string>();
    for (const accept of ['br', 'gzip', 'identity']) {
      const first = await rawGet('/', { 'Accept-Encoding': accept });
      const tag = first.headers.get('etag') as string;
      expect(tag, accept).toMatch(/^"[\w-]+"$/);
      tags.add(tag);

      const again = await rawGet('/', { 'Accept-Encoding': accept, 'If-None-Match': tag });
      expect(again.status, accept).toBe(304);
      expect(again.body.length, accept).toBe(0);
      expect(again.headers.get('etag'), accept).toBe(tag);
      expect(again.headers.get('cache-control'), accept).toBe('no-cache');
      expect(again.headers.get('vary'), accept).toBe('Accept-Encoding');
      expect(again.headers.get('content-encoding'), accept).toBeUndefined();

      // Weakly compared, among others; and the same for an editor route, which is the page.
      const weak = await rawGet('/deep/route', {
        'Accept-Encoding': accept,
        'If-None-Match': `"other", W/${tag}`,
      });
      expect(weak.status, accept).toBe(304);
    }
    expect(tags.size).toBe(3);
  });

  it('answers 200 with the page to a tag it does not have', async () => {
    for (const ifNoneMatch of ['"stale"', 'W/"stale", "older"']) {
      const res = await rawGet('/', { 'If-None-Match': ifNoneMatch });
      expect(res.status).toBe(200);
      expect(res.body.toString()).toBe(PAGE);
    }
    const any = await rawGet('/', { 'If-None-Match': '*' });
    expect(any.status).toBe(304);
  });

  it('tags by content: a copy of the same build has the same tags, a new build a new one', async () => {
    const tagOf = async (at: RunningServer, accept: string) => {
      const res = await fetch(`${at.url}/`, { headers: { 'Accept-Encoding': accept } });
      await res.arrayBuffer();
      return res.headers.get('etag');
    };
    const copy = tempDir();
    cpSync(join(tree.dir, 'dist'), join(copy.dir, 'dist'), { recursive: true });
    const other = await startServer({ port: 0, editorDir: join(copy.dir, 'dist') });
    try {
      for (const accept of ['br', 'identity'])
        expect(await tagOf(other, accept)).toBe(await tagOf(server, accept));
      const before = await tagOf(other, 'identity');
      writeFileSync(
        join(copy.dir, 'dist/index.html'),
        PAGE.replace('index-Ab12Cd', 'index-Zz99Yy'),
      );
      expect(await tagOf(other, 'identity')).not.toBe(before);
    } finally {
      await other.close();
      copy.remove();
    }
  });

  it('leaves the hashed assets untagged: they are never revalidated', async () => {
    const res = await rawGet('/assets/app-Xy12Zw.js');
    expect(res.headers.get('etag')).toBeUndefined();
  });
});
