import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsertTarget } from '../insert-target.ts';
import { VariableMenu } from '../VariableMenu.tsx';
import type { VariableChoice } from '../variable-choices.ts';

export interface RichToolbarProps {
  editor: Editor;
  variables: readonly VariableChoice[];
  /** The body's label: the variable menu's button is described by it. */
  labelledBy: string;
}

type Asking = 'link' | 'image' | null;
type Tool = 'bold' | 'italic' | 'link' | 'bulletList' | 'orderedList';

/**
 * The rich-text body's toolbar: bold, italic, link, bulleted and numbered lists, image by URL,
 * and Insert variable. Each is a button in the Tab order with its name and pressed state;
 * a link or an image asks for its address in a small form below, Enter applies it, Escape
 * goes back to the text.
 */
export function RichToolbar({ editor, variables, labelledBy }: RichToolbarProps) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
    }),
  });
  const [asking, setAsking] = useState<Asking>(null);
  const [url, setUrl] = useState('');
  const target = useRef<InsertTarget>(null);
  target.current = {
    insert: (text) =>
      editor
        .chain()
        .focus()
        .insertContent({ type: 'liquid', attrs: { source: text } })
        .run(),
    focus: () => editor.commands.focus(),
  };

  const ask = (what: Exclude<Asking, null>) => {
    setUrl(what === 'link' ? state.href : '');
    setAsking(what);
  };
  const done = () => {
    setAsking(null);
    editor.commands.focus();
  };
  const apply = () => {
    const address = url.trim();
    if (asking === 'link') {
      if (address === '') editor.chain().focus().extendMarkRange('link').unsetLink().run();
      else editor.chain().focus().extendMarkRange('link').setLink({ href: address }).run();
    } else if (asking === 'image' && address !== '') {
      editor.chain().focus().setImage({ src: address }).run();
    }
    setAsking(null);
  };

  const toggle = (name: Tool, pressed: boolean, run: () => void) => (
    <button
      type="button"
      className="rich-text__tool"
      aria-pressed={pressed}
      data-tool={name}
      onClick={run}
    >
      {t(`compose.body.${name}`)}
    </button>
  );

  return (
    <>
      <div className="rich-text__toolbar" role="toolbar" aria-label={t('compose.body.toolbar')}>
        {toggle('bold', state.bold, () => editor.chain().focus().toggleBold().run())}
        {toggle('italic', state.italic, () => editor.chain().focus().toggleItalic().run())}
        {toggle('link', state.link, () => ask('link'))}
        {toggle('bulletList', state.bulletList, () =>
          editor.chain().focus().toggleBulletList().run(),
        )}
        {toggle('orderedList', state.orderedList, () =>
          editor.chain().focus().toggleOrderedList().run(),
        )}
        <button
          type="button"
          className="rich-text__tool"
          data-tool="image"
          onClick={() => ask('image')}
        >
          {t('compose.body.image')}
        </button>
        <VariableMenu labelId={labelledBy} choices={variables} target={target} />
      </div>
      {asking && (
        <form
          className="rich-text__ask"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            done();
          }}
        >
          <label className="rich-text__ask-label">
            {t(asking === 'link' ? 'compose.body.linkUrl' : 'compose.body.imageUrl')}
            <input
              // biome-ignore lint/a11y/noAutofocus: the form opens on a button press to take this one value
              autoFocus
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          </label>
          <button type="submit">{t('compose.body.apply')}</button>
          {asking === 'link' && state.link && (
            <button
              type="button"
              onClick={() => {
                editor.chain().focus().extendMarkRange('link').unsetLink().run();
                setAsking(null);
              }}
            >
              {t('compose.body.removeLink')}
            </button>
          )}
          <button type="button" onClick={done}>
            {t('compose.body.cancel')}
          </button>
        </form>
      )}
    </>
  );
}
