import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';

/**
 * Serves the built editor from `dir`: its files, and `index.html` for any other GET of a path
 * without a file extension (the editor routes in the browser). A missing `/x.js` stays a 404
 * rather than HTML that the browser would try to run, and so does anything missing under
 * /assets/, extension or not: that folder holds files only, never a page. Mounted after the
 * API (app.ts), which answers every /api path in any case itself, so nothing here ever
 * shadows or imitates an API route.
 *
 * Caching: Vite names the files under /assets/ by their content's hash, so they never change
 * and are cached for a year, but only the files actually found there: a 404 is not cached, and
 * the page never comes from /assets/. Everything else (index.html first) is revalidated every
 * time, so a new build shows on the next load: it has an ETag of its content, and a request
 * whose If-None-Match names it is answered 304 with no body.
 *
 * Compression: the build writes a brotli and a gzip copy beside each text file
 * (editor/precompress.ts), and the browser gets the one it accepts, with Vary: Accept-Encoding
 * on every answer of a text type. Nothing is compressed here, per request: the copies are made
 * once, at brotli's best level; images and fonts are compressed already and have no copy.
 */
export function serveEditor(app: Hono, dir: string): void {
  const send = fileSender(resolve(dir));

  app.get('/assets/*', async (c) => {
    const found = await send(c);
    return found ? cached(found, IMMUTABLE).res : c.notFound();
  });
  app.get('*', async (c, next) => {
    const found =
      (c.req.path === '/' ? undefined : await send(c)) ??
      (hasExtension(c.req.path) ? undefined : await send(c, INDEX));
    return found ? revalidated(c, cached(found, 'no-cache')) : next();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const INDEX = 'index.html';

/** The copies the build writes, by the Content-Encoding they are sent with. */
const COPIES = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof COPIES)[number]['encoding'];

/** The types worth compressing (their copies are served): text, JSON, JavaScript, SVG. */
const COMPRESSIBLE =
  /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/**
 * Sends the file the request names, or `name` (a file in the root) when given: its copy in the
 * best encoding the request accepts, else the file itself. Undefined when there is no such file.
 * The answer's `path` is the file on disk that was sent.
 */
function fileSender(root: string) {
  const sentFrom = new WeakMap<Context, string>();
  const onFound = (path: string, c: Context) => {
    sentFrom.set(c, path);
  };
  const missing = async () => {};
  const plain = serveStatic({ root, onFound });
  const page = serveStatic({ root, path: INDEX, onFound });
  const copies = new Map(
    COPIES.map(({ encoding, suffix }) => [
      encoding,
      {
        file: serveStatic({ root, onFound, rewriteRequestPath: (path) => path + suffix }),
        page: serveStatic({ root, onFound, path: INDEX + suffix }),
      },
    ]),
  );

  return async (c: Context, name?: typeof INDEX): Promise<Sent | undefined> => {
    const type = getMimeType(name ?? c.req.path);
    const compressible = type !== undefined && COMPRESSIBLE.test(type);
    // A range of a file is a range of the file as it is: byte offsets into a compressed copy
    // would be another thing.
    if (compressible && !c.req.header('Range'))
      for (const encoding of acceptedEncodings(c.req.header('Accept-Encoding'))) {
        const copy = copies.get(encoding);
        const res = copy && (await (name ? copy.page : copy.file)(c, missing));
        if (!res) continue;
        res.headers.set('Content-Type', type);
        res.headers.set('Content-Encoding', encoding);
        res.headers.set('Vary', 'Accept-Encoding');
        return { res, path: sentFrom.get(c) as string };
      }
    const res = await (name ? page : plain)(c, missing);
    if (!res) return undefined;
    if (compressible) res.headers.set('Vary', 'Accept-Encoding');
    return { res, path: sentFrom.get(c) as string };
  };
}

interface Sent {
  res: Response;
  path: string;
}

/**
 * The encodings of our copies that an Accept-Encoding header takes, best first: by the
 * header's q-values, then ours (brotli is smaller). `*` takes any; `q=0` refuses.
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (coding) weights.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: string) => weights.get(encoding) ?? weights.get('*') ?? 0;
  return COPIES.map((c) => c.encoding)
    .filter((encoding) => weightOf(encoding) > 0)
    .sort((a, b) => weightOf(b) - weightOf(a));
}

/** Sets Cache-Control on a file's answer (a whole file or a range of it; not a 416). */
function cached({ res, path }: Sent, policy: string): Sent {
  if (res.status === 200 || res.status === 206) res.headers.set('Cache-Control', policy);
  return { res, path };
}

/**
 * A revalidated file's answer: with the ETag of what was sent (each encoding its own), or a
 * 304 when the request's If-None-Match names it.
 */
async function revalidated(c: Context, { res, path }: Sent): Promise<Response> {
  if (res.status !== 200 && res.status !== 206) return res;
  const tag = await etagOf(path);
  res.headers.set('ETag', tag);
  if (!matches(c.req.header('If-None-Match'), tag)) return res;
  await res.body?.cancel();
  const headers = new Headers();
  for (const name of ['Cache-Control', 'ETag', 'Vary', 'Content-Location', 'Expires']) {
    const value = res.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(null, { status: 304, headers });
}

/** If-None-Match compares entity tags weakly: W/"x" and "x" are the same (RFC 9110, 13.1.2). */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => opaque(t) === opaque(tag));
}

/** ETags by file, kept while the file's size and time are unchanged. */
const etags = new Map<string, { size: number; mtimeMs: number; tag: string }>();

/** A strong ETag of a file's content: the same build gives the same tag, after a restart too. */
async function etagOf(path: string): Promise<string> {
  const { size, mtimeMs } = await stat(path);
  const known = etags.get(path);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known.tag;
  const digest = createHash('sha256')
    .update(await readFile(path))
    .digest('base64url');
  const tag = `"${digest.slice(0, 27)}"`;
  etags.set(path, { size, mtimeMs, tag });
  return tag;
}

function hasExtension(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}
