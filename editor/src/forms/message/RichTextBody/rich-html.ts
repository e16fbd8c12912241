import { type Extensions, generateHTML, generateJSON, type JSONContent } from '@tiptap/core';
import { richTextExtensions } from './extensions.ts';

/**
 * The rich-text body's side of the round trip with the HTML source. Liquid in text becomes a
 * placeholder atom on the way in and its exact source on the way out; Liquid inside a tag (an
 * href) stays in the attribute. A body is accepted for rich text only when the trip there and
 * back gives the same HTML, so switching modes never changes what is sent.
 */

const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

let extensions: Extensions | undefined;
const known = () => {
  extensions ??= richTextExtensions();
  return extensions;
};

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const unescapeAttribute = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');

/** The HTML with each Liquid tag outside markup replaced by its placeholder. */
export function protectLiquid(html: string): string {
  let out = '';
  let at = 0;
  for (const match of html.matchAll(LIQUID)) {
    const start = match.index;
    if (insideTag(html, start)) continue;
    out += `${html.slice(at, start)}<span data-liquid="${escapeAttribute(match[0])}"></span>`;
    at = start + match[0].length;
  }
  return out + html.slice(at);
}

/** Whether `index` is inside a `<…>` tag (an attribute), reading back to the last `<` or `>`. */
function insideTag(html: string, index: number): boolean {
  const open = html.lastIndexOf('<', index);
  if (open < 0 || html.lastIndexOf('>', index) > open) return false;
  return /[A-Za-z/!]/.test(html[open + 1] ?? '');
}

/** The editor's HTML with each placeholder back to its Liquid source. */
export function restoreLiquid(html: string): string {
  return html.replace(/<span data-liquid="([^"]*)"[^>]*>[\s\S]*?<\/span>/g, (_, source: string) =>
    unescapeAttribute(source),
  );
}

/** The rich-text document of an HTML body. */
export function toRichDocument(html: string): JSONContent {
  return generateJSON(protectLiquid(html), known()) as JSONContent;
}

/** The HTML body of a rich-text document: an empty document is an empty body. */
export function fromRichDocument(doc: JSONContent): string {
  return fromEditorHtml(generateHTML(doc, known()));
}

/** The body an editor's getHTML() stands for. */
export function fromEditorHtml(html: string): string {
  if (html === '<p></p>') return '';
  return restoreLiquid(html).replace(LIST_ITEM_PARAGRAPH, '<li>$1');
}

/**
 * A list item's one paragraph, written bare (`<li>text</li>`): the rich editor holds list
 * items as paragraphs, but in mail a <p> inside a <li> adds margins nobody asked for.
 */
const LIST_ITEM_PARAGRAPH = /<li><p>((?:(?!<\/?p>)[\s\S])*?)<\/p>(?=<\/li>|<ul>|<ol>)/g;

/**
 * Block tags, around which whitespace is layout only: `<p>a</p>\n<p>b</p>` is the body the
 * rich editor writes as `<p>a</p><p>b</p>`.
 */
const AROUND_BLOCKS = /\s*(<\/?(?:p|h[1-6]|ul|ol|li|br)\b[^>]*>)\s*/gi;

/** Markup that means the same in every mail client, written one way. */
function sameMeaning(html: string): string {
  return html
    .replace(AROUND_BLOCKS, '$1')
    .replace(/<(\/?)b>/gi, '<$1strong>')
    .replace(/<(\/?)i>/gi, '<$1em>')
    .replace(/<br\s*\/?>/gi, '<br>')
    .replace(/&gt;/g, '>')
    .trim();
}

export type RichCheck =
  | { ok: true; doc: JSONContent }
  /** Refused: `near` quotes the source where the rich editor would first change it. */
  | { ok: false; near: string };

/** Whether rich text keeps this HTML body, and its document when it does. */
export function checkRichText(html: string): RichCheck {
  const doc = toRichDocument(html);
  const back = fromRichDocument(doc);
  const before = sameMeaning(html);
  const after = sameMeaning(back);
  if (before === after) return { ok: true, doc };
  return { ok: false, near: near(before, after) };
}

/** About 40 characters of `before` from where it and `after` first differ. */
function near(before: string, after: string): string {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  const from = Math.max(
    0,
    before.lastIndexOf('<', i) >= i - 30 ? before.lastIndexOf('<', i) : i - 10,
  );
  const text = before.slice(from, from + 40);
  return before.length > from + 40 ? `${text}…` : text;
}
