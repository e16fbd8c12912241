import { decodeAttribute, escapeAttribute } from './entities.ts';

export interface RewriteOptions {
  /** The tracked form of a link; absent when click tracking is off. */
  click?: (url: string) => string;
  /** Links never to rewrite, e.g. the unsubscribe link. */
  keep?: (url: string) => boolean;
  /** The open pixel's URL; absent when open tracking is off. */
  pixel?: string;
}

/** Opting one link out of click tracking, as template authors do in other mailers. */
export const NO_TRACK_ATTRIBUTE = 'data-nudge-no-track';

interface Attribute {
  name: string;
  /** The value's span in the source, quotes excluded; absent for a bare attribute. */
  value?: { start: number; end: number; quote: '"' | "'" | '' };
}

interface Tag {
  name: string;
  attributes: Attribute[];
  /** Just past the closing `>`; -1 when the document ends inside the tag. */
  end: number;
}

/** Elements whose content is text, not markup: an `<a href>` inside them is not a link. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);
const LINKS = new Set(['a', 'area']);

/**
 * Rewrites every `<a href="http(s)://…">` (and `<area>`) through `click`, and adds the open pixel
 * before `</body>` (or at the end). A scanner over tags in the way the HTML tokenizer reads them:
 * comments, doctypes and raw-text elements are skipped, attribute names are case-insensitive,
 * values may be double-, single- or un-quoted, and only the first of duplicate attributes counts.
 * Everything else is copied byte for byte.
 */
export function rewriteHtml(html: string, options: RewriteOptions): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let bodyClose = -1;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      i = commentEnd(html, lt);
    } else if (next === '!' || next === '?') {
      i = endOf(html.indexOf('>', lt), html);
    } else if (next === '/' && /[A-Za-z]/.test(html[lt + 2] ?? '')) {
      const tag = readTag(html, lt + 1);
      if (tag.name === 'body') bodyClose = lt;
      i = endOf(tag.end - 1, html);
    } else if (/[A-Za-z]/.test(next)) {
      const tag = readTag(html, lt);
      if (tag.end < 0) break;
      const edit = options.click && LINKS.has(tag.name) ? linkEdit(html, tag, options) : null;
      if (edit) edits.push(edit);
      i = RAW_TEXT.has(tag.name) ? rawTextEnd(html, tag.end, tag.name) : tag.end;
    } else {
      i = lt + 1;
    }
  }
  if (options.pixel !== undefined) {
    const at = bodyClose >= 0 ? bodyClose : html.length;
    edits.push({ start: at, end: at, text: pixelTag(options.pixel) });
  }
  return applyEdits(html, edits);
}

export function pixelTag(url: string): string {
  return `<img src="${escapeAttribute(url)}" width="1" height="1" alt="" style="border:0;width:1px;height:1px">`;
}

function linkEdit(html: string, tag: Tag, options: RewriteOptions) {
  if (tag.attributes.some((a) => a.name === NO_TRACK_ATTRIBUTE)) return null;
  const value = tag.attributes.find((a) => a.name === 'href')?.value;
  if (!value || !options.click) return null;
  const url = cleanUrl(decodeAttribute(html.slice(value.start, value.end)));
  if (!/^https?:\/\//i.test(url) || options.keep?.(url)) return null;
  const escaped = escapeAttribute(options.click(url));
  // An unquoted value stays unquoted when it can; otherwise it gains double quotes.
  const text = value.quote === '' && /[\s"'=<>`]/.test(escaped) ? `"${escaped}"` : escaped;
  return { start: value.start, end: value.end, text };
}

/** As the URL parser does: trim C0 controls and spaces, drop tabs and newlines inside. */
function cleanUrl(url: string): string {
  let start = 0;
  let end = url.length;
  while (start < end && url.charCodeAt(start) <= 0x20) start++;
  while (end > start && url.charCodeAt(end - 1) <= 0x20) end--;
  return url.slice(start, end).replace(/[\t\n\r]/g, '');
}

/** Reads a start tag (at `<`) or an end tag (at `/`): its name and attributes. */
function readTag(html: string, at: number): Tag {
  let i = at + 1;
  const nameStart = i;
  while (i < html.length && !/[\s/>]/.test(html[i] ?? '')) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const attributes: Attribute[] = [];
  for (;;) {
    while (i < html.length && /[\s/]/.test(html[i] ?? '')) i++;
    if (i >= html.length) return { name, attributes, end: -1 };
    if (html[i] === '>') return { name, attributes, end: i + 1 };
    const attrStart = i++;
    while (i < html.length && !/[\s/>=]/.test(html[i] ?? '')) i++;
    const attribute: Attribute = { name: html.slice(attrStart, i).toLowerCase() };
    let j = i;
    while (j < html.length && /\s/.test(html[j] ?? '')) j++;
    if (html[j] === '=') {
      j++;
      while (j < html.length && /\s/.test(html[j] ?? '')) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        if (close < 0) return { name, attributes, end: -1 };
        attribute.value = { start: j + 1, end: close, quote };
        i = close + 1;
      } else {
        const start = j;
        while (j < html.length && !/[\s>]/.test(html[j] ?? '')) j++;
        attribute.value = { start, end: j, quote: '' };
        i = j;
      }
    }
    // The first of duplicate attributes wins, as in browsers.
    if (!attributes.some((a) => a.name === attribute.name)) attributes.push(attribute);
  }
}

function commentEnd(html: string, lt: number): number {
  // `<!-->` and `<!--->` are complete (empty) comments.
  if (html.startsWith('<!-->', lt)) return lt + 5;
  if (html.startsWith('<!--->', lt)) return lt + 6;
  const close = html.indexOf('-->', lt + 4);
  return close < 0 ? html.length : close + 3;
}

function rawTextEnd(html: string, from: number, name: string): number {
  const pattern = new RegExp(`</${name}[\\s/>]`, 'gi');
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  return match ? match.index : html.length;
}

function endOf(gt: number, html: string): number {
  return gt < 0 ? html.length : gt + 1;
}

function applyEdits(html: string, edits: Array<{ start: number; end: number; text: string }>) {
  let out = '';
  let last = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += html.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return out + html.slice(last);
}
