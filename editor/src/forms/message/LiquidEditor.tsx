import { autocompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, insertNewline } from '@codemirror/commands';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Annotation, Compartment, EditorState, type Extension, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { InsertTarget } from './insert-target.ts';
import { type TemplateLanguage, templateLanguage, typedAsIs } from './liquid-language.ts';
import type { MergeCompletions } from './merge-variables.ts';
import { textDifference } from './text-difference.ts';
import './message.css';

export interface LiquidEditorProps {
  /** The id of the content element (the one that takes the text). */
  id: string;
  value: string;
  onChange(value: string): void;
  language: TemplateLanguage;
  /** The id of the visible label: the editor's accessible name. */
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  /** What to complete; keep it stable (useMemo): a new one reconfigures the editor. */
  completions: MergeCompletions;
  /** Set to the editor as an insertion target (the "Insert variable" menu). */
  handle?: Ref<InsertTarget>;
}

/** Marks the changes that come from `value`, so they are not reported back as typing. */
const fromProps = Annotation.define<true>();

/**
 * A Liquid template editor (CodeMirror 6) that behaves like a text field: it takes typing,
 * pasting and the IME as they come, Tab leaves it (no indenting with Tab), its label names
 * it, and its focus shows. It completes merge variables after `{{` and after a dot.
 */
export function LiquidEditor(props: LiquidEditorProps) {
  const { id, value, language, labelledBy, describedBy, invalid = false, completions } = props;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const parts = useRef({ language: new Compartment(), attributes: new Compartment() });
  /** The texts reported by onChange whose value has not come back yet, oldest first. */
  const reported = useRef<string[]>([]);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const first = latest.current;
    const created = new EditorView({
      parent,
      state: EditorState.create({
        doc: first.value,
        extensions: [
          history(),
          Prec.highest(typedAsIs),
          // Enter breaks the line and nothing more (no indenting), as in a textarea; an open
          // completion list takes Enter first (autocompletion brings its keymap, before this).
          keymap.of([{ key: 'Enter', run: insertNewline }, ...defaultKeymap, ...historyKeymap]),
          autocompletion({ icons: false }),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorView.lineWrapping,
          parts.current.language.of(templateLanguage(first.language, first.completions)),
          parts.current.attributes.of(contentAttributes(first)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            if (update.transactions.some((t) => t.annotation(fromProps))) return;
            const text = update.state.doc.toString();
            reported.current.push(text);
            latest.current.onChange(text);
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, []);

  // A new value from outside (an undo, another step selected): change only what differs.
  // A value the editor reported itself comes back later, when the author may have typed on
  // (React renders after the keystroke's task): that echo is not a change, or it would undo
  // what was typed since.
  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const echo = reported.current.lastIndexOf(value);
    if (echo >= 0) {
      reported.current.splice(0, echo + 1);
      return;
    }
    reported.current = [];
    const text = current.state.doc.toString();
    if (text !== value)
      current.dispatch({ changes: textDifference(text, value), annotations: fromProps.of(true) });
  }, [value]);

  const configured = useRef({ language, completions });
  useEffect(() => {
    const last = configured.current;
    if (last.language === language && last.completions === completions) return;
    configured.current = { language, completions };
    view.current?.dispatch({
      effects: parts.current.language.reconfigure(templateLanguage(language, completions)),
    });
  }, [language, completions]);

  useEffect(() => {
    view.current?.dispatch({
      effects: parts.current.attributes.reconfigure(
        contentAttributes({ id, labelledBy, describedBy, invalid }),
      ),
    });
  }, [id, labelledBy, describedBy, invalid]);

  useImperativeHandle(
    props.handle,
    () => ({
      insert(text: string) {
        const current = view.current;
        if (!current) return;
        current.dispatch(current.state.replaceSelection(text), { scrollIntoView: true });
        current.focus();
      },
      focus: () => view.current?.focus(),
    }),
    [],
  );

  // A <label for> can't focus a content element; clicking the label should, as for an input.
  useEffect(() => {
    const label = document.getElementById(labelledBy);
    const focus = () => view.current?.focus();
    label?.addEventListener('click', focus);
    return () => label?.removeEventListener('click', focus);
  }, [labelledBy]);

  return (
    <div
      ref={host}
      className={`liquid-editor${invalid ? ' liquid-editor--invalid' : ''}`}
      data-testid="liquid-editor"
    />
  );
}

function contentAttributes(
  props: Pick<LiquidEditorProps, 'id' | 'labelledBy' | 'describedBy' | 'invalid'>,
): Extension {
  const attributes: Record<string, string> = { id: props.id, 'aria-labelledby': props.labelledBy };
  if (props.describedBy) attributes['aria-describedby'] = props.describedBy;
  if (props.invalid) attributes['aria-invalid'] = 'true';
  return EditorView.contentAttributes.of(attributes);
}
