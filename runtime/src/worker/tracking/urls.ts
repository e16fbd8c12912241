import { type Secrets, signToken } from './token.ts';

/** The message the links of one mail are about. */
export interface TrackedMessage {
  workspaceId: string | number;
  messageId: string | number;
}

export interface TrackingUrls {
  /** The open pixel: `/t/o/<token>.gif`. */
  openPixel: string;
  /** The tracked form of a link: `/t/c/<token>`, redirecting to `url`. */
  click(url: string): string;
  /** The signed unsubscribe page (GET) and one-click endpoint (POST): `/u/<token>`. */
  unsubscribe: string;
  /** Whether a URL is one of ours (the unsubscribe link, a tracked link), never to be re-tracked. */
  isOwn(url: string): boolean;
}

/** The tracking and unsubscribe links of one message, under `publicUrl` (PUBLIC_URL). */
export function trackingUrls(
  publicUrl: string,
  secrets: Secrets,
  message: TrackedMessage,
): TrackingUrls {
  const base = baseOf(publicUrl);
  const w = message.workspaceId;
  const m = message.messageId;
  const openPixel = `${base}/t/o/${signToken(secrets, { v: 1, kind: 'open', w, m })}.gif`;
  const unsubscribe = `${base}/u/${signToken(secrets, { v: 1, kind: 'unsubscribe', w, m })}`;
  return {
    openPixel,
    unsubscribe,
    click: (url) => `${base}/t/c/${signToken(secrets, { v: 1, kind: 'click', w, m, u: url })}`,
    isOwn: (url) => url.startsWith(`${base}/u/`) || url.startsWith(`${base}/t/`),
  };
}

/** PUBLIC_URL without a trailing slash; a path prefix (behind a proxy) is kept. */
function baseOf(publicUrl: string): string {
  const url = new URL(publicUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_URL must be http(s): ${publicUrl}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
