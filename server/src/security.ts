import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every answer. The CSP allows what the built editor (a Vite + React app)
 * uses today, and no more: its scripts and styles are files of our own origin; inline styles
 * are allowed because React Flow positions nodes with style attributes; images may also be
 * data: URLs, for the page's empty icon (`<link rel="icon" href="data:,">`, which keeps the
 * browser from asking for /favicon.ico). No blob: and no workers (worker-src falls back to
 * default-src 'self'): nothing creates them yet; the feature that does adds them. No inline
 * scripts, no framing, no plugins. No 'unsafe-eval': the editor validates with
 * @nudge/schema, whose validator is compiled ahead of time (ajv's standalone code), and the
 * end-to-end tests fail on any CSP violation.
 *
 * HSTS is left to whatever terminates TLS in front of Nudge: this server speaks plain HTTP
 * (on localhost by default), where the header means nothing or, behind a proxy, too much.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
}
