/**
 * An email's HTML made into a document for `<iframe sandbox srcdoc>`. The sandbox (no
 * allow-* at all) keeps scripts, forms and navigation of the page out; this keeps the mail
 * from reaching the network: its remote images and styles are dropped, because fetching the
 * tracking pixel (or any image on Nudge's own links) would record an open that never
 * happened. Links are left in place but open nothing (a `_blank` target the sandbox blocks).
 * A Content-Security-Policy inside the document backs all of this up.
 */

export interface MailPreview {
  srcdoc: string;
  /** Remote images (and CSS urls) that were not loaded. */
  blockedImages: number;
}

const POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";
// Elements that fetch, run or redirect, and have no part in reading a mail.
const DROPPED = 'script, noscript, base, meta, link, object, embed, iframe, frame, frameset, form';
const FETCHING = ['src', 'srcset', 'background', 'poster', 'data', 'action', 'formaction'];
const REMOTE_CSS_URL = /url\(\s*(["']?)(?!data:)[^)]*?\1\s*\)/gi;

export function mailPreview(html: string): MailPreview {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let blocked = 0;
  const dropUrls = (css: string) =>
    css.replace(REMOTE_CSS_URL, () => {
      blocked++;
      return 'none';
    });
  for (const element of doc.querySelectorAll(DROPPED)) element.remove();
  for (const element of doc.querySelectorAll('*')) {
    for (const name of FETCHING) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (name === 'src' && /^\s*data:image\//i.test(value)) continue;
      element.removeAttribute(name);
      if (name === 'src' || name === 'background') blocked++;
    }
    // In SVG, href (and xlink:href) fetches: <image>, <use>. Only links keep theirs.
    if (element.localName !== 'a' && element.localName !== 'area') {
      element.removeAttribute('href');
      element.removeAttribute('xlink:href');
    }
    const style = element.getAttribute('style');
    if (style) {
      const cleaned = dropUrls(style);
      if (cleaned !== style) element.setAttribute('style', cleaned);
    }
  }
  for (const sheet of doc.querySelectorAll('style'))
    sheet.textContent = dropUrls(sheet.textContent ?? '');
  const policy = doc.createElement('meta');
  policy.setAttribute('http-equiv', 'Content-Security-Policy');
  policy.setAttribute('content', POLICY);
  const base = doc.createElement('base');
  base.setAttribute('target', '_blank');
  doc.head.prepend(policy, base);
  return { srcdoc: `<!doctype html>${doc.documentElement.outerHTML}`, blockedImages: blocked };
}
