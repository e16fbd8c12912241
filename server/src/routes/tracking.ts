import type { EventType } from '@nudge/runtime/core';
import { recordEvent, UnknownContactError } from '@nudge/runtime/worker';
import {
  type Secrets,
  type TokenKind,
  type TokenPayload,
  verifyToken,
} from '@nudge/runtime/worker/tracking';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isPgError, type Sql } from '../db/types.ts';
import type { Logger } from '../log.ts';
import { maskAddress, publicPage } from './public-page.ts';
import { type Language, pickLanguage, TEXT } from './unsubscribe-text.ts';

export interface TrackingOptions {
  sql: Sql;
  /** NUDGE_SECRET (or several, for rotation): what the worker signed the links with. */
  secrets: Secrets;
  logger: Logger;
  /**
   * Replays of an open or a click of one message (of one URL, for clicks) within this many
   * milliseconds count once: 60 s by default. Checked in PostgreSQL, so it holds across servers.
   */
  dedupeWithinMs?: number;
}

const DEDUPE_WITHIN_MS = 60_000;

/**
 * The links in sent mail (runtime/src/worker/tracking), public: the token is the credential.
 *
 * - `GET /t/o/<token>.gif`: records `opened`, answers a 1×1 transparent GIF.
 * - `GET /t/c/<token>`: records `clicked` and redirects (302) to the signed http(s) URL.
 * - `GET /u/<token>`: the unsubscribe page, which changes nothing (mail scanners open links).
 * - `POST /u/<token>`: unsubscribes, from the page's button or RFC 8058 one-click.
 *
 * A token that is forged, of another kind, or about a message that is not there is a 404 and
 * writes nothing; the message is looked up by the token's workspace and message id together.
 * HEAD runs the GET handlers (Hono) but records nothing: only link checkers send it. Opens and
 * clicks replayed within `dedupeWithinMs` are recorded once; the reader's answer is the same.
 * Every answer is a small page, never the API's JSON, and a failure logs the route, never the
 * path (it holds the token).
 */
export function trackingRoutes(app: Hono, options: TrackingOptions): void {
  const { sql, secrets, logger, dedupeWithinMs = DEDUPE_WITHIN_MS } = options;
  const routes = new Hono();
  routes.onError((err, c) => {
    logger.error(`${c.req.method} ${c.req.routePath} failed`, {
      incident: crypto.randomUUID(),
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return notice(c, 500, 'error');
  });

  /** The message a token of `kind` is about, or null (and nothing else happens). */
  const find = async (token: string | undefined, kind: TokenKind) => {
    const payload = verifyToken(secrets, token ?? '', kind);
    return payload && (await findMessage(sql, payload));
  };

  /** Records an event about a message; false when the contact or its rows went meanwhile. */
  const record = async (
    found: TrackedMessage,
    type: EventType,
    data?: Record<string, unknown>,
  ): Promise<boolean> => {
    // Only unsubscribing counts each time (it is idempotent anyway); reloads and scanners
    // must not multiply opens and clicks.
    const once = type === 'unsubscribed' ? {} : { dedupeWithinMs };
    try {
      await recordEvent(sql, {
        workspace: found.workspace_id,
        contactId: found.contact_id,
        type,
        enrollmentId: found.enrollment_id,
        sequenceId: found.sequence_id,
        node: found.node,
        ...(data ? { data } : {}),
        ...once,
      });
      return true;
    } catch (error) {
      if (error instanceof UnknownContactError || isPgError(error, FOREIGN_KEY_VIOLATION))
        return false;
      throw error;
    }
  };

  routes.get('/t/o/:file', async (c) => {
    const file = c.req.param('file');
    const found = file.endsWith('.gif') ? await find(file.slice(0, -4), 'open') : null;
    if (!found) return notice(c, 404, 'invalid');
    if (c.req.method !== 'HEAD') await record(found, 'opened');
    c.header('Content-Type', 'image/gif');
    c.header('Cache-Control', 'no-store');
    return c.body(PIXEL);
  });

  routes.get('/t/c/:token', async (c) => {
    const payload = verifyToken(secrets, c.req.param('token'), 'click');
    if (!payload) return notice(c, 404, 'invalid');
    const destination = webUrl(payload.u);
    if (!destination) return notice(c, 400, 'invalid');
    const found = await findMessage(sql, payload);
    // A signed link still takes its reader where it said, even once its message is gone; and
    // a failure to count the click is logged, not shown to the reader.
    if (found && c.req.method !== 'HEAD')
      await record(found, 'clicked', { url: payload.u }).catch((error: unknown) =>
        logger.error(`${c.req.method} ${c.req.routePath}: the click was not recorded`, {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
      );
    c.header('Cache-Control', 'no-store');
    return c.redirect(destination, 302);
  });

  routes.get('/u/:token', async (c) => {
    const found = await find(c.req.param('token'), 'unsubscribe');
    if (!found) return notice(c, 404, 'invalid');
    const language = languageOf(c, found);
    if (found.unsubscribed) return notice(c, 200, 'already', language);
    const text = TEXT[language];
    const address = addressOf(found);
    // No action: the form posts to this very URL, ?lang= included.
    return publicPage(c, 200, {
      language,
      title: text.title,
      body: html`<p>${text.question}</p>
${address ? html`<p>${text.address}: <span class="address">${maskAddress(address)}</span></p>` : ''}
<form method="post"><button type="submit">${text.button}</button></form>
<p class="note">${text.buttonNote}</p>`,
    });
  });

  routes.post(
    '/u/:token',
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => notice(c, 413, 'unsupported') }),
    async (c) => {
      const found = await find(c.req.param('token'), 'unsubscribe');
      if (!found) return notice(c, 404, 'invalid');
      const oneClick = await isOneClick(c);
      // Already unsubscribed: nothing more to write, and the answer is the same success.
      if (!found.unsubscribed) {
        const recorded = await record(found, 'unsubscribed', {
          via: oneClick ? 'one-click' : 'page',
        });
        if (!recorded) return notice(c, 404, 'invalid');
      }
      if (oneClick) {
        c.header('Cache-Control', 'no-store');
        return c.text('Unsubscribed.\n', 200);
      }
      return notice(c, 200, found.unsubscribed ? 'already' : 'done', languageOf(c, found));
    },
  );

  routes.all('/u/:token', (c) => {
    c.header('Allow', 'GET, POST');
    return notice(c, 405, 'unsupported');
  });
  // Nothing under these prefixes is the editor's: a wrong link gets a page saying so.
  routes.all('/t/*', (c) => notice(c, 404, 'invalid'));
  routes.all('/u/*', (c) => notice(c, 404, 'invalid'));
  app.route('/', routes);
}

/**
 * The open pixel is an image inside another site's page (a webmail), which the `same-origin`
 * Cross-Origin-Resource-Policy of securityHeaders would make the browser refuse. Registered
 * before securityHeaders (app.ts), so that it runs after it.
 */
export function pixelHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.headers.get('content-type') === 'image/gif')
      c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  };
}

/** A message as the links see it: where it was sent from and to whom. */
interface TrackedMessage {
  workspace_id: string;
  enrollment_id: string;
  sequence_id: string;
  node: string;
  channel: string;
  contact_id: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  unsubscribed: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A positive bigint that surely fits (messages.id is an identity column). */
const MESSAGE_ID = /^[1-9][0-9]{0,17}$/;
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * The message of a genuine token, scoped by the token's workspace and message id together, with
 * its enrollment and contact; null when any is gone. Ids of another shape are not ours (and
 * would make PostgreSQL fail on the casts), so they find nothing without a query.
 */
async function findMessage(sql: Sql, payload: TokenPayload): Promise<TrackedMessage | null> {
  const workspace = String(payload.w);
  const id = String(payload.m);
  if (!UUID.test(workspace) || !MESSAGE_ID.test(id)) return null;
  const [row] = await sql<TrackedMessage[]>`
    select m.workspace_id, m.enrollment_id, e.sequence_id, m.node, m.channel,
      c.id as contact_id, c.email, c.phone, c.locale, c.unsubscribed
    from messages m
    join enrollments e on e.workspace_id = m.workspace_id and e.id = m.enrollment_id
    join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
    where m.workspace_id = ${workspace} and m.id = ${id}`;
  return row ?? null;
}

/** An absolute http(s) URL, normalised (ASCII, fit for a Location header); else null. */
function webUrl(url: string | undefined): string | null {
  if (url === undefined || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** RFC 8058: a mail client's one-click POST carries `List-Unsubscribe=One-Click`. */
async function isOneClick(c: Context): Promise<boolean> {
  try {
    const body = await c.req.parseBody();
    return body['List-Unsubscribe'] === 'One-Click';
  } catch {
    // A malformed form body is still a POST to a genuine link: the page's answer.
    return false;
  }
}

function addressOf(found: TrackedMessage): string | null {
  return found.channel === 'email' ? found.email : (found.phone ?? found.email);
}

function languageOf(c: Context, found?: TrackedMessage): Language {
  return pickLanguage(c.req.query('lang'), found?.locale, c.req.header('accept-language'));
}

type NoticeKind = 'done' | 'already' | 'invalid' | 'unsupported' | 'error';

/** A page with a title and one paragraph, in the reader's language. */
function notice(
  c: Context,
  status: ContentfulStatusCode,
  kind: NoticeKind,
  language: Language = languageOf(c),
) {
  const text = TEXT[language];
  return publicPage(c, status, {
    language,
    title: text[`${kind}Title`],
    body: html`<p>${text[`${kind}Body`]}</p>`,
  });
}

/** A 1×1 transparent GIF89a (43 bytes; the 42-byte one in circulation lacks its end code). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
