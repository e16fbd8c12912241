import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { InsertTarget } from '../insert-target.ts';
import type { VariableChoice } from '../variable-choices.ts';
import { richTextExtensions } from './extensions.ts';
import { RichToolbar } from './RichToolbar.tsx';
import { fromEditorHtml, toRichDocument } from './rich-html.ts';
import './rich-text.css';

export interface RichTextEditorProps {
  /** The body's document, as checkRichText gave it (the body is known to round-trip). */
  initial: JSONContent;
  /** The HTML body now: a new one from outside (an undo) replaces the document. */
  value: string;
  onChange(html: string): void;
  id: string;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  variables: readonly VariableChoice[];
  /** Set to the editor as an insertion target (Liquid goes in as one atom). */
  handle?: Ref<InsertTarget>;
}

/**
 * The rich-text email body (TipTap): paragraphs, headings, bold, italic, links, lists, images
 * by URL, and Liquid as atoms that keep their source. Every change reports the HTML body.
 * Loaded on first use (RichTextBody/index), off the editor's first load.
 */
export default function RichTextEditor(props: RichTextEditorProps) {
  const { id, labelledBy, describedBy, invalid = false } = props;
  const latest = useRef(props);
  latest.current = props;
  /**
   * The bodies this editor reported whose value has not come back yet, oldest first. React
   * renders after the keystroke's task, so an echo may come back after more typing: it is not
   * a change, or setting it would undo what was typed since.
   */
  const reported = useRef<string[]>([]);
  const editor = useEditor({
    extensions: richTextExtensions(),
    content: props.initial,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: attributesOf({ id, labelledBy, describedBy, invalid }) },
    onUpdate: ({ editor: current }) => {
      const html = fromEditorHtml(current.getHTML());
      reported.current.push(html);
      latest.current.onChange(html);
    },
  });

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.setOptions({
      editorProps: { attributes: attributesOf({ id, labelledBy, describedBy, invalid }) },
    });
  }, [editor, id, labelledBy, describedBy, invalid]);

  // A body from outside (undo, a template picked): the document follows, without reporting back.
  useEffect(() => {
    const echo = reported.current.lastIndexOf(props.value);
    if (echo >= 0) {
      reported.current.splice(0, echo + 1);
      return;
    }
    reported.current = [];
    if (editor.isDestroyed || fromEditorHtml(editor.getHTML()) === props.value) return;
    editor.commands.setContent(toRichDocument(props.value), { emitUpdate: false });
  }, [editor, props.value]);

  useImperativeHandle(
    props.handle,
    () => ({
      insert(text: string) {
        editor
          .chain()
          .focus()
          .insertContent({ type: 'liquid', attrs: { source: text } })
          .run();
      },
      focus: () => editor.commands.focus(),
    }),
    [editor],
  );

  // A <label for> can't focus a content element; clicking the label should, as for an input.
  useEffect(() => {
    const label = document.getElementById(labelledBy);
    const focus = () => editor.commands.focus();
    label?.addEventListener('click', focus);
    return () => label?.removeEventListener('click', focus);
  }, [editor, labelledBy]);

  return (
    <div className={`rich-text${invalid ? ' rich-text--invalid' : ''}`} data-testid="rich-text">
      <RichToolbar editor={editor} variables={props.variables} labelledBy={labelledBy} />
      <EditorContent editor={editor} className="rich-text__content" />
    </div>
  );
}

function attributesOf(props: {
  id: string;
  labelledBy: string;
  describedBy?: string | undefined;
  invalid: boolean;
}): Record<string, string> {
  return {
    id: props.id,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': props.labelledBy,
    ...(props.describedBy ? { 'aria-describedby': props.describedBy } : {}),
    ...(props.invalid ? { 'aria-invalid': 'true' } : {}),
  };
}
