import { mergeAttributes, Node } from '@tiptap/core';

/**
 * A Liquid output or tag (`{{ contact.name }}`, `{% if … %}`) in the rich-text body: one inline
 * atom that keeps its source verbatim and shows as a chip. The author moves or deletes it
 * whole; only the HTML source edits its inside, so rich text never changes a Liquid tag.
 * In HTML it is a placeholder `<span data-liquid="SOURCE">` (see rich-html.ts).
 */
export const LiquidNode = Node.create({
  name: 'liquid',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      source: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-liquid') ?? '',
        renderHTML: (attributes) => ({ 'data-liquid': attributes.source as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-liquid]', priority: 100 }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'liquid-chip' }), node.attrs.source];
  },

  renderText({ node }) {
    return node.attrs.source as string;
  },
});
