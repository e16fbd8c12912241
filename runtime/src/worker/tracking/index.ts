/**
 * Signed tracking and unsubscribe links: the tokens, the URLs the server routes
 * (`/t/o/<token>.gif`, `/t/c/<token>`, `/u/<token>`) and the HTML rewriting that puts them in a mail.
 */
export { decodeAttribute, escapeAttribute } from './entities.ts';
export { NO_TRACK_ATTRIBUTE, pixelTag, type RewriteOptions, rewriteHtml } from './html.ts';
export {
  type Secrets,
  signToken,
  type TokenKind,
  type TokenPayload,
  verifyToken,
} from './token.ts';
export { type TrackedMessage, type TrackingUrls, trackingUrls } from './urls.ts';
