import type { Hono } from 'hono';
import { methodNotAllowed } from '../errors.ts';

/** GET /api/health: the server answers. Grows to cover the database and the worker. */
export function healthRoutes(api: Hono): void {
  api.get('/health', (c) => c.json({ ok: true }));
  api.all('/health', methodNotAllowed(['GET', 'HEAD']));
}
