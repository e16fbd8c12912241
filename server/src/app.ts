import type { Secrets } from '@nudge/runtime/worker/tracking';
import { LIMITS } from '@nudge/schema';
import { Hono, type MiddlewareHandler } from 'hono';
import { type ApiEnv, bearerAuth, viewersOnlyRead } from './auth.ts';
import { type FailureBudget, FailureLimiter } from './auth-limiter.ts';
import type { Sql } from './db/types.ts';
import { errorHandler, notFound } from './errors.ts';
import { consoleLogger, type Logger } from './log.ts';
import { contactRoutes } from './routes/contacts.ts';
import { enrollmentRoutes } from './routes/enrollments.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { outboxRoutes } from './routes/outbox.ts';
import { publishRoutes } from './routes/publish.ts';
import { sequenceRoutes } from './routes/sequences.ts';
import { statsRoutes } from './routes/stats.ts';
import { taskRoutes } from './routes/tasks.ts';
import { templateRoutes } from './routes/templates.ts';
import { captureServices, type TestSendServices, testSendRoutes } from './routes/test-send.ts';
import { pixelHeaders, trackingRoutes } from './routes/tracking.ts';
import { OPEN_BODY_BYTES, validateRoutes } from './routes/validate.ts';
import { securityHeaders } from './security.ts';
import { serveEditor } from './static.ts';
import { refuseBadParameters } from './text-door.ts';

export interface AppOptions {
  /** The built editor (index.html and assets/); null or absent serves the API alone. */
  editorDir?: string | null;
  /** The largest request body read; LIMITS.fileBytes of @nudge/schema (16 MiB) by default. */
  maxBodyBytes?: number;
  /** The largest body POST /api/validate takes without a valid token: 256 KiB by default. */
  openBodyBytes?: number;
  logger?: Logger;
  /**
   * The database: with it, the workspace routes (sequences, contacts, enrollments, events,
   * stats) exist, behind bearer tokens. Without it, only the open routes do.
   */
  sql?: Sql;
  /**
   * Guards every /api route except the open ones (health, openapi.json, validate): it must set
   * `workspace` and `role` (see auth.ts); viewers are then kept to reading. Default with `sql`:
   * bearer tokens of api_tokens. POST /api/validate runs it too when a token is sent.
   */
  authenticate?: MiddlewareHandler<ApiEnv>;
  /** How many wrong tokens a client address may send, and how fast it is forgiven (auth-limiter.ts). */
  failedAuth?: Partial<FailureBudget>;
  /**
   * NUDGE_SECRET, as the worker signs mail links with it: with it and `sql`, the public tracking
   * and unsubscribe links (/t/..., /u/...) are served.
   */
  secrets?: Secrets;
  /**
   * What test sends (POST /api/sequences/:id/test-send) go through: the worker's delivery as
   * the server is configured (nudge.ts). Absent: mail captured into the outbox, SMS and
   * AlimTalk kept in memory, links signed with `secrets` (else a key of this app's own, which
   * no link route knows) under the request's origin.
   */
  delivery?: Omit<TestSendServices, 'secrets'>;
}

/** The whole HTTP app: the API under /api, mail links under /t and /u, the editor elsewhere. */
export function createApp(options: AppOptions = {}): Hono {
  const app = new Hono();
  app.onError(errorHandler(options.logger ?? consoleLogger));
  app.notFound(notFound);
  app.use('/t/o/*', pixelHeaders());
  app.use('*', securityHeaders());

  const api = new Hono();
  // Before every /api route, open ones included: no NUL or lone surrogate in a path or query.
  api.use('*', refuseBadParameters());
  // Open routes: pure functions of their input, or the API's own description. They are
  // registered before the guard: Hono runs handlers in registration order, and these answer
  // without calling next(), so the guard below never sees their requests.
  healthRoutes(api);
  openApiRoutes(api);
  const limiter = new FailureLimiter(options.failedAuth);
  const authenticate =
    options.authenticate ?? (options.sql && bearerAuth(options.sql, { limiter }));
  validateRoutes(api, {
    maxBodyBytes: options.maxBodyBytes ?? LIMITS.fileBytes,
    openBodyBytes: options.openBodyBytes ?? OPEN_BODY_BYTES,
    authenticate,
  });
  if (authenticate) {
    const guarded = new Hono<ApiEnv>();
    guarded.use('*', authenticate, viewersOnlyRead());
    if (options.sql) {
      workspaceRoutes(guarded, options.sql);
      const secrets = options.secrets ?? crypto.randomUUID();
      const services = options.delivery
        ? { ...options.delivery, secrets }
        : captureServices(secrets);
      testSendRoutes(guarded, options.sql, services);
    }
    api.route('/', guarded);
  }
  api.all('*', notFound);
  app.route('/api', api);
  // /api in another case (/API/health), or after extra slashes, is still a call to the API
  // gone wrong: a JSON 404, never the editor's page with a 200.
  app.all('*', (c, next) => (API_PATH.test(c.req.path) ? notFound(c) : next()));

  // Before the editor, whose fallback would answer any GET with its page.
  if (options.sql && options.secrets)
    trackingRoutes(app, {
      sql: options.sql,
      secrets: options.secrets,
      logger: options.logger ?? consoleLogger,
    });
  if (options.editorDir) serveEditor(app, options.editorDir);
  return app;
}

/** The routes on a workspace's data: every one behind the guard. */
function workspaceRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  sequenceRoutes(api, sql);
  publishRoutes(api, sql);
  enrollmentRoutes(api, sql);
  statsRoutes(api, sql);
  contactRoutes(api, sql);
  eventRoutes(api, sql);
  taskRoutes(api, sql);
  outboxRoutes(api, sql);
  templateRoutes(api, sql);
}

/** A path whose first segment is `api`, in any case. */
const API_PATH = /^\/+api(\/|$)/i;
