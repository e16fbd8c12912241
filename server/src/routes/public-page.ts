import type { Context } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Language } from './unsubscribe-text.ts';

/**
 * The pages a mail's recipient sees (the unsubscribe page, the errors of tracking links): one
 * self-contained document each, no script, no external file, the style inline (the CSP of
 * security.ts allows inline styles). `html` escapes every interpolated string.
 */
export function publicPage(
  c: Context,
  status: ContentfulStatusCode,
  page: { language: Language; title: string; body: HtmlEscapedString | Promise<HtmlEscapedString> },
): Response | Promise<Response> {
  // Every answer here is about one person's link: never kept by a browser or a proxy.
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  return c.html(
    html`<!doctype html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${page.title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${page.title}</h1>
${page.body}
</main>
</body>
</html>
`,
    status,
  );
}

// Wrapped by html`` so that it is inserted as written (it holds no markup, only CSS).
const STYLE = html`
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif; color: #1f2328; background: #f6f7f9; }
main { max-width: 28rem; margin: 10vh auto; padding: 2rem; background: #fff; border: 1px solid #d8dde3; border-radius: 8px; }
h1 { font-size: 1.35rem; margin: 0 0 1rem; word-break: keep-all; }
p { margin: 0 0 1rem; word-break: keep-all; }
.address { font-weight: 600; overflow-wrap: anywhere; }
button { font: inherit; padding: .6rem 1.4rem; color: #fff; background: #c62828; border: 0; border-radius: 6px; cursor: pointer; }
button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
.note { color: #59636e; font-size: .875rem; margin-top: 1rem; }
`;

/**
 * Enough of an address for its owner to recognise it, too little for anyone else to learn it:
 * `kim@example.com` → `k***@example.com`, `+821012345678` → `***5678`.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at > 0) return `${Array.from(address)[0]}***${address.slice(at)}`;
  const digits = address.replace(/\D/g, '');
  return digits.length > 4 ? `***${digits.slice(-4)}` : '***';
}
