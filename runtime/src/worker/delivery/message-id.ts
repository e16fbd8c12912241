import { randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';

/** For a sender whose address gives no usable domain (RFC 2606 reserves `.invalid`). */
const FALLBACK_DOMAIN = 'nudge.invalid';

/**
 * A new Message-ID, `<time.random@sender-domain>`: made before the send so the worker stores it
 * in the outbox first, and a reply's In-Reply-To finds its message even if the process dies right
 * after the hand-off. The sender's domain makes it unique across mailers and looks native to
 * receivers; an internationalised domain is written in its ASCII (punycode) form.
 */
export function generateMessageId(senderEmail?: string): string {
  // 122 random bits: randomUUID draws from a buffer it refills now and then, where
  // randomBytes asks the system each call (a step makes one of these per email).
  const random = randomUUID().replace(/-/g, '');
  return `<${Date.now().toString(36)}.${random}@${domainOf(senderEmail) ?? FALLBACK_DOMAIN}>`;
}

function domainOf(email: string | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (email === undefined || at < 0) return null;
  const domain = domainToASCII(
    email
      .slice(at + 1)
      .trim()
      .replace(/>$/, ''),
  ).toLowerCase();
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}
