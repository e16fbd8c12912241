/**
 * The unsubscribe link of an email. Core can't sign links (that needs the worker's secret), so
 * `{{ unsubscribe_url }}` and the footer render to a fixed marker URL, and the worker puts the
 * message's signed `/u/<token>` link in its place when it composes the mail (composeEmail). The
 * marker has no character that HTML escaping or a link rewriter changes, and `.invalid` never
 * resolves (RFC 2606), so a marker that slipped through goes nowhere.
 */
export const UNSUBSCRIBE_MARKER = 'https://unsubscribe.nudge.invalid/';

/** The footer's words, Korean and English in one line (the link is on the last words). */
export const FOOTER_LEAD = '더 이상 받지 않으려면';
export const FOOTER_LINK = '수신거부 · Unsubscribe';

const STYLE = 'margin:24px 0 0;font-size:12px;line-height:1.5;color:#6b7280';

/** An HTML body with the footer: before `</body>` when there is one, else at the end. */
export function withHtmlFooter(html: string): string {
  const footer = `<p style="${STYLE}">${FOOTER_LEAD} <a href="${UNSUBSCRIBE_MARKER}">${FOOTER_LINK}</a></p>`;
  const close = html.toLowerCase().lastIndexOf('</body');
  return close === -1 ? `${html}${footer}` : `${html.slice(0, close)}${footer}${html.slice(close)}`;
}

/** A text body with the footer: a blank line, then the words and the link. */
export function withTextFooter(text: string): string {
  return `${text.trimEnd()}\n\n${FOOTER_LEAD} ${FOOTER_LINK}: ${UNSUBSCRIBE_MARKER}\n`;
}
