import { type EmailContent, UNSUBSCRIBE_MARKER } from '@nudge/runtime/core';
import { rewriteHtml } from '@nudge/runtime/worker/tracking/html';

/** A link of an email as the worker will send it: where it goes, and whether clicks are tracked. */
export interface EmailLink {
  url: string;
  text: string;
  tracked: boolean;
}

/**
 * The links of a rendered HTML email. Which ones the worker tracks is decided by the worker's
 * own rewriting (rewriteHtml: http(s) links without data-nudge-no-track, none to the server
 * itself), run here with a click function that only notes them; the rest is read with the
 * browser's parser for the list's text.
 */
export function emailLinks(rendered: string, clicks: boolean, base: string): EmailLink[] {
  const html = unsubscribeLinkIn(rendered, base);
  const tracked = new Set<string>();
  if (clicks)
    rewriteHtml(html, {
      click: (url) => {
        tracked.add(url);
        return url;
      },
      keep: (url) => url.startsWith(`${base}/`),
    });
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const seen = new Set<string>();
  const links: EmailLink[] = [];
  for (const a of doc.querySelectorAll('a[href], area[href]')) {
    const url = (a.getAttribute('href') ?? '').trim();
    if (url === '' || seen.has(url)) continue;
    seen.add(url);
    links.push({
      url,
      text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(),
      tracked: tracked.has(url),
    });
  }
  return links;
}

/**
 * A rendered part with `{{ unsubscribe_url }}` (and the footer's link) as the worker sends it:
 * each message's own signed `/u/` link under the server's address, shown here as `/u/…`.
 */
export function unsubscribeLinkIn(text: string, base: string): string {
  return text.replaceAll(UNSUBSCRIBE_MARKER, `${base}/u/…`);
}

/** The email as the worker sends it, its unsubscribe links in (unsubscribeLinkIn). */
export function withUnsubscribeLinks(email: EmailContent, base: string): EmailContent {
  return {
    ...email,
    subject: unsubscribeLinkIn(email.subject, base),
    text: unsubscribeLinkIn(email.text, base),
    ...(email.html !== undefined ? { html: unsubscribeLinkIn(email.html, base) } : {}),
  };
}
