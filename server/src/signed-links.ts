/**
 * The signed links of a sent mail (runtime/src/worker/tracking): `/t/o/<token>.gif` (the open
 * pixel), `/t/c/<token>` (a tracked link) and `/u/<token>` (unsubscribe, also in the
 * List-Unsubscribe header). A token is the recipient's credential: whoever holds it can
 * unsubscribe them or make up opens and clicks. So a message shown to a viewer's token has them
 * redacted; an editor, who may change contacts anyway, sees them whole.
 *
 * A token is `<payload>.<signature>`, base64url, the signature 16 bytes (22 characters). Any
 * such token after one of the three prefixes is redacted, whatever PUBLIC_URL was and whichever
 * secret signed it (a rotated-out secret still verifies).
 */

/** What stands in for a token, e.g. `https://nudge.example/u/[redacted]`. */
export const REDACTED_TOKEN = '[redacted]';

const SIGNED_LINK = /(\/(?:t\/[oc]|u)\/)[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g;

/** `text` with every signed link's token replaced, and how many there were. */
export function redactSignedLinks(text: string): { text: string; count: number } {
  let count = 0;
  const redacted = text.replace(SIGNED_LINK, (_, prefix: string) => {
    count++;
    return `${prefix}${REDACTED_TOKEN}`;
  });
  return { text: redacted, count };
}
