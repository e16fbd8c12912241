import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorView, runScopeHandlers } from '@codemirror/view';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { LiquidEditor } from './LiquidEditor.tsx';
import { mergeCompletions } from './merge-variables.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
});

const completions = mergeCompletions({ 만료일: 'contact.attributes.renewal_date' });

interface HostProps {
  initial: string;
  language: 'text' | 'html';
  invalid: boolean;
  typed: string[];
  /** Whether a typed value comes back at once, or only when `replace` gives it. */
  echo: boolean;
  expose(setValue: (value: string) => void): void;
}

/** The editor under its label, its value kept here as a form keeps it. */
function Host({ initial, language, invalid, typed, echo, expose }: HostProps) {
  const [value, setValue] = useState(initial);
  expose(setValue);
  return (
    <>
      <label id="body-label" htmlFor="body">
        Body
      </label>
      <p id="body-hint">hint</p>
      <LiquidEditor
        id="body"
        labelledBy="body-label"
        describedBy="body-hint"
        invalid={invalid}
        value={value}
        language={language}
        completions={completions}
        onChange={(next) => {
          typed.push(next);
          if (echo) setValue(next);
        }}
      />
    </>
  );
}

function mount(initial: string, language: 'text' | 'html' = 'text', invalid = false, echo = true) {
  const typed: string[] = [];
  let setValue: (value: string) => void = () => {};
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root?.render(
      <Host
        initial={initial}
        language={language}
        invalid={invalid}
        typed={typed}
        echo={echo}
        expose={(set) => {
          setValue = set;
        }}
      />,
    ),
  );
  const content = host.querySelector<HTMLElement>('.cm-content');
  if (!content) throw new Error('no editor');
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no view');
  return { content, view, typed, replace: (value: string) => act(() => setValue(value)) };
}

/** What the editor's completion sources offer at the end of `text`. */
async function offered(view: EditorView, text: string): Promise<string[]> {
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
  const pos = view.state.doc.length;
  const context = new CompletionContext(view.state, pos, false);
  const sources = view.state.languageDataAt<(c: CompletionContext) => CompletionResult | null>(
    'autocomplete',
    pos,
    -1,
  );
  const results = await Promise.all(sources.map((source) => source(context)));
  return results.flatMap((r) => r?.options.map((o) => o.label) ?? []);
}

describe('LiquidEditor', () => {
  it('is a text box named by its label and described by its hint', () => {
    const { content } = mount('Hi', 'text', true);
    expect(content.getAttribute('role')).toBe('textbox');
    expect(content.getAttribute('aria-multiline')).toBe('true');
    expect(content.id).toBe('body');
    expect(content.getAttribute('aria-labelledby')).toBe('body-label');
    expect(content.getAttribute('aria-describedby')).toBe('body-hint');
    expect(content.getAttribute('aria-invalid')).toBe('true');
    expect(content.textContent).toBe('Hi');
  });

  it('reports what the author types, and not a value set from outside', () => {
    const { view, typed, replace } = mount('Hi');
    act(() =>
      view.dispatch({ changes: { from: 2, insert: ' {{고객명}}' }, userEvent: 'input.type' }),
    );
    expect(typed).toEqual(['Hi {{고객명}}']);
    replace('Hello {{고객명}}');
    expect(view.state.doc.toString()).toBe('Hello {{고객명}}');
    expect(typed).toEqual(['Hi {{고객명}}']);
  });

  it('keeps typing that comes before the form has rendered what was typed earlier', () => {
    const { view, typed, replace } = mount('', 'text', false, false);
    // Two keystrokes, then the value of the first comes back late (React renders after the
    // keystroke's task): it is an echo, not a change to undo the second with.
    act(() => view.dispatch({ changes: { from: 0, insert: 'H' }, userEvent: 'input.type' }));
    act(() => view.dispatch({ changes: { from: 1, insert: 'i' }, userEvent: 'input.type' }));
    expect(typed.slice(-2)).toEqual(['H', 'Hi']);
    replace('H');
    expect(view.state.doc.toString()).toBe('Hi');
    replace('Hi');
    expect(view.state.doc.toString()).toBe('Hi');
    // A value that was never typed is a change from outside (an undo).
    replace('H');
    expect(view.state.doc.toString()).toBe('H');
  });

  it('leaves Tab to the browser, so focus moves on', () => {
    const { view } = mount('Hi');
    const tab = new KeyboardEvent('keydown', { key: 'Tab', keyCode: 9 });
    expect(runScopeHandlers(view, tab, 'editor')).toBe(false);
    const shiftTab = new KeyboardEvent('keydown', { key: 'Tab', keyCode: 9, shiftKey: true });
    expect(runScopeHandlers(view, shiftTab, 'editor')).toBe(false);
  });

  it('offers the merge variables after {{, the Korean aliases and the sequence’s own', async () => {
    const { view } = mount('');
    const atStart = await offered(view, 'Dear {{ ');
    expect(atStart).toEqual(expect.arrayContaining(['contact', 'owner', '고객명', '만료일']));
    expect(await offered(view, 'Dear {{ 고')).toEqual(expect.arrayContaining(['고객명', '회사명']));
    expect(await offered(view, 'Dear {{ contact.')).toEqual(
      expect.arrayContaining(['name', 'company', 'attributes', 'owner']),
    );
    expect(await offered(view, 'Dear {{ contact.owner.')).toEqual(
      expect.arrayContaining(['name', 'email', 'phone']),
    );
    // Plain text is not completed.
    expect(await offered(view, 'Dear cust')).toEqual([]);
  });

  it('completes in an HTML body too', async () => {
    const { view } = mount('', 'html');
    expect(await offered(view, '<p>Dear {{ contact.')).toEqual(
      expect.arrayContaining(['name', 'company']),
    );
  });
});
