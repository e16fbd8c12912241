import { LIMITS } from '@nudge/schema';
import { Hono, type MiddlewareHandler } from 'hono';
import { errorHandler, notFound } from './errors.ts';
import { consoleLogger, type Logger } from './log.ts';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { validateRoutes } from './routes/validate.ts';
import { securityHeaders } from './security.ts';
import { serveEditor } from './static.ts';

export interface AppOptions {
  /** The built editor (index.html and assets/); null or absent serves the API alone. */
  editorDir?: string | null;
  /** The largest request body read; LIMITS.fileBytes of @nudge/schema (16 MiB) by default. */
  maxBodyBytes?: number;
  logger?: Logger;
  /**
   * Guards every /api route except the open ones (health, openapi.json, validate). Users and
   * tokens arrive with PostgreSQL; until then no guarded route exists, and this is where the
   * bearer-token middleware goes.
   */
  authenticate?: MiddlewareHandler;
}

/** The whole HTTP app: the API under /api, the editor everywhere else. */
export function createApp(options: AppOptions = {}): Hono {
  const app = new Hono();
  app.onError(errorHandler(options.logger ?? consoleLogger));
  app.notFound(notFound);
  app.use('*', securityHeaders());

  const api = new Hono();
  // Open routes: pure functions of their input, or the API's own description. They are
  // registered before the guard: Hono runs handlers in registration order, and these answer
  // without calling next(), so the guard below never sees their requests.
  healthRoutes(api);
  openApiRoutes(api);
  validateRoutes(api, { maxBodyBytes: options.maxBodyBytes ?? LIMITS.fileBytes });
  if (options.authenticate) api.use('*', options.authenticate);
  // Guarded routes (sequences, contacts, enrollments, events) go here.
  api.all('*', notFound);
  app.route('/api', api);
  // /api in another case (/API/health), or after extra slashes, is still a call to the API
  // gone wrong: a JSON 404, never the editor's page with a 200.
  app.all('*', (c, next) => (API_PATH.test(c.req.path) ? notFound(c) : next()));

  if (options.editorDir) serveEditor(app, options.editorDir);
  return app;
}

/** A path whose first segment is `api`, in any case. */
const API_PATH = /^\/+api(\/|$)/i;
