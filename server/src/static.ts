import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

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
 * time, so a new build shows on the next load.
 */
export function serveEditor(app: Hono, dir: string): void {
  const root = resolve(dir);
  const file = serveStatic({ root });
  const index = serveStatic({ root, path: 'index.html' });
  const missing = async () => {};

  app.get('/assets/*', async (c) => {
    const found = await file(c, missing);
    return found ? cached(found, IMMUTABLE) : c.notFound();
  });
  app.get('*', async (c, next) => {
    const found =
      (await file(c, missing)) ?? (hasExtension(c.req.path) ? undefined : await index(c, missing));
    return found ? cached(found, 'no-cache') : next();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Sets Cache-Control on a file's answer (a whole file or a range of it; not a 416). */
function cached(res: Response, policy: string): Response {
  if (res.status === 200 || res.status === 206) res.headers.set('Cache-Control', policy);
  return res;
}

function hasExtension(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}
