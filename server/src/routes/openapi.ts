import type { Hono } from 'hono';
import { methodNotAllowed } from '../errors.ts';
import { openApiDocument } from '../openapi.ts';

/** GET /api/openapi.json: the OpenAPI document, built once. */
export function openApiRoutes(api: Hono): void {
  let document: Record<string, unknown> | undefined;
  api.get('/openapi.json', (c) => {
    document ??= openApiDocument();
    return c.json(document);
  });
  api.all('/openapi.json', methodNotAllowed(['GET', 'HEAD']));
}
