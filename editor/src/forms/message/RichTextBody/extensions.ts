import type { Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { LiquidNode } from './liquid-node.ts';

/**
 * What the rich-text body knows: paragraphs, headings, bold, italic, links, lists, line
 * breaks, images by URL, and Liquid as atoms. Anything else in an email's HTML (tables,
 * styles, classes) it would drop, so such a body stays in the HTML source (rich-html.ts).
 */
export function richTextExtensions(): Extensions {
  return [
    StarterKit.configure({
      // Email HTML has no use for these, and the toolbar offers none of them.
      code: false,
      codeBlock: false,
      blockquote: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: true,
        // A link is written as the author gave it: no target or rel added to every <a>.
        HTMLAttributes: { target: null, rel: null, class: null },
        // `{{ url }}` and `{{ unsubscribe_url }}` are links too; the renderer checks the rest.
        isAllowedUri: (url) => url.trim() !== '' && !/^\s*(javascript|vbscript|data):/i.test(url),
      },
    }),
    Image.configure({ inline: true }),
    LiquidNode,
  ];
}
