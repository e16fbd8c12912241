import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';

/**
 * Serves the built editor from `dir`: its files, and `index.html` for any other GET of a path
 * without a file extension (the editor routes in the browser). A missing `/x.js` stays a 404
 * rather than HTML that the browser would try to run. Mounted after the API, which answers
 * every /api path itself, so nothing here ever shadows or imitates an API route.
 *
 * Caching: Vite names the files under /assets/ by their content's hash, so they never change
 * and are cached for a year; everything else (index.html first) is revalidated every time, so
 * a new build shows on the next load.
 */
export function serveEditor(app: Hono, dir: string): void {
  const root = resolve(dir);
  app.use('*', cacheControl);
  app.get('*', serveStatic({ root }));
  const index = serveStatic({ root, path: 'index.html' });
  app.get('*', (c, next) => (hasExtension(c.req.path) ? next() : index(c, next)));
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

const cacheControl: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.path.startsWith('/api/') || c.req.path === '/api') return;
  if (c.res.status !== 200 && c.res.status !== 206) return;
  c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
};

function hasExtension(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}
