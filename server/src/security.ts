import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every answer. The CSP fits the built editor (a Vite + React app): its
 * scripts and styles are files of our own origin; inline styles are allowed because React
 * Flow positions nodes with style attributes; data: and blob: cover images and fonts that Vite
 * inlines and files the user exports. No inline scripts, no framing, no plugins.
 * No 'unsafe-eval': the editor validates with @nudge/schema, whose validator is compiled ahead
 * of time (ajv's standalone code), and the end-to-end tests fail on any CSP violation.
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
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
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
