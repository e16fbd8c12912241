import { compile } from 'html-to-text';

/**
 * The most tags converted. htmlparser2 slows down quadratically with nesting depth (100,000
 * nested <div>s take seconds), and a loop in a template can nest that deep; no real email
 * comes near this.
 */
export const MAX_HTML_TAGS = 20_000;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

let convert: ((html: string) => string) | undefined;

function converter(): (html: string) => string {
  convert ??= compile({
    // Mail clients wrap plain text themselves; hard breaks at 80 columns cut Korean mid-phrase.
    wordwrap: false,
    // Past this, html-to-text writes "...": layout tables nest a few dozen levels at most.
    limits: { maxDepth: 100 },
    selectors: [
      // "our site [https://...]", but a bare URL only once.
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      // Upper-casing means nothing to Hangul and shouts in English.
      ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'table', options: { uppercaseHeaderCells: false } },
      // Email layouts are tables: a cell per line reads better than cells glued together.
      { selector: 'td', format: 'block' },
      { selector: 'th', format: 'block' },
    ],
  });
  return convert;
}

/**
 * The plain-text alternative of an HTML email: paragraphs and line breaks kept, links as
 * `text [url]`, images and scripts dropped, entities decoded. Throws when the HTML has more
 * than MAX_HTML_TAGS tags.
 */
export function htmlToText(html: string): string {
  let tags = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1))
    if (++tags > MAX_HTML_TAGS)
      throw new Error(`the HTML has more than ${MAX_HTML_TAGS.toLocaleString('en')} tags`);
  return converter()(html);
}
