/// <reference path="./juice-client.d.ts" />
// juice's browser build: the same in the worker and in the editor's Preview, with no Node
// module (the full build adds web-resource inlining, which reads files and fetches URLs).
import juice from 'juice/client';
import { MAX_HTML_TAGS } from './html-to-text.ts';

/** Where an HTML email keeps CSS that mail clients ignore unless it is inlined. */
const STYLE_TAG = /<style[\s>]/i;

/**
 * An HTML email with the rules of its `<style>` blocks copied into each element's `style`
 * attribute, as mail clients (Gmail, Outlook) show only inline CSS. What cannot be inlined
 * stays in a `<style>` block: media queries (mobile layouts), `@font-face`, `:hover`.
 * HTML with no `<style>` is returned as it is, byte for byte. Throws when the HTML has more
 * than MAX_HTML_TAGS tags (parsing very deep nesting takes seconds).
 */
export function inlineCss(html: string): string {
  if (!STYLE_TAG.test(html)) return html;
  let tags = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1))
    if (++tags > MAX_HTML_TAGS)
      throw new Error(`the HTML has more than ${MAX_HTML_TAGS.toLocaleString('en')} tags`);
  return juice(html, {
    // The email's own width and height attributes are the author's; juice would add more.
    applyWidthAttributes: false,
    applyHeightAttributes: false,
  });
}
