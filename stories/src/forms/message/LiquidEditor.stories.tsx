import { LiquidEditor, mergeCompletions } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { expectFocusRing } from './expect-field.ts';

interface FrameProps {
  initial: string;
  language: 'text' | 'html';
  aliases: Record<string, string>;
  onChange(value: string): void;
}

/** The editor under a label, with a field after it for Tab to reach, its value kept here. */
function EditorFrame({ initial, language, aliases, onChange }: FrameProps) {
  const [value, setValue] = useState(initial);
  const completions = useMemo(() => mergeCompletions(aliases), [aliases]);
  return (
    <div style={{ width: 420 }}>
      <label id="template-label" htmlFor="template">
        Template
      </label>
      <LiquidEditor
        id="template"
        labelledBy="template-label"
        value={value}
        language={language}
        completions={completions}
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
      />
      <label htmlFor="after">After</label>
      <input id="after" />
    </div>
  );
}

const meta = {
  title: 'Forms/Liquid editor',
  component: EditorFrame,
  parameters: { layout: 'padded' },
  args: {
    initial: '',
    language: 'text',
    aliases: { 만료일: 'contact.attributes.renewal_date' },
    onChange: fn(),
  },
} satisfies Meta<typeof EditorFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A person reads the list before choosing: CodeMirror ignores Enter for a moment after the
 * list opens or changes (interactionDelay, 75 ms), so that a key meant for the text is not taken.
 */
const reading = () => new Promise((resolve) => setTimeout(resolve, 150));

const editor = (root: HTMLElement) => within(root).getByRole('textbox', { name: 'Template' });
const options = () =>
  within(document.body)
    .getAllByRole('option')
    .map((o) => o.textContent);

/** Merge variables completed from the keyboard: after {{, after a dot, the Korean aliases. */
export const Completion: Story = {
  play: async ({ canvasElement, args }) => {
    const text = editor(canvasElement);
    // Clicking the label focuses the editor, as it does an input.
    await userEvent.click(within(canvasElement).getByText('Template'));
    await expectFocusRing(text);

    await userEvent.keyboard('안녕하세요 {{{{ ');
    await waitFor(() => expect(options()).toContain('고객명contact.name'));
    await expect(options()).toEqual(
      expect.arrayContaining(['contact', 'owner', '만료일contact.attributes.renewal_date']),
    );
    await userEvent.keyboard('con');
    await waitFor(() => expect(options()[0]).toBe('contact'));
    await reading();
    await userEvent.keyboard('{Enter}.');
    await waitFor(() => expect(options()).toEqual(expect.arrayContaining(['name', 'company'])));
    await userEvent.keyboard('comp');
    await reading();
    await userEvent.keyboard('{Enter} }}님');
    await expect(text).toHaveTextContent('안녕하세요 {{ contact.company }}님');
    await expect(args.onChange).toHaveBeenLastCalledWith('안녕하세요 {{ contact.company }}님');

    // Escape closes a list; Tab then leaves the editor instead of being taken by it.
    await userEvent.keyboard(' {{{{ 담');
    await waitFor(() => expect(options()).toEqual(['담당자명owner.name']));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('listbox')).toBeNull());
    await userEvent.tab();
    await expect(within(canvasElement).getByLabelText('After')).toHaveFocus();
    await expect(args.onChange).toHaveBeenLastCalledWith(
      '안녕하세요 {{ contact.company }}님 {{ 담',
    );
  },
};

/** HTML typed as in a text field: nothing is added that was not typed (no auto-closed tags). */
export const TypingHtml: Story = {
  args: { language: 'html' },
  play: async ({ canvasElement, args }) => {
    const text = editor(canvasElement);
    await userEvent.click(text);
    await userEvent.keyboard('<p>Hi {{{{ 고객명 }}</p>{Enter}<p>100%</p>');
    await expect(args.onChange).toHaveBeenLastCalledWith('<p>Hi {{ 고객명 }}</p>\n<p>100%</p>');
    await expect(text.querySelectorAll('.cm-line')).toHaveLength(2);
  },
};

/** Pasting: text from elsewhere, Korean and several lines, goes in as it is. */
export const Pasting: Story = {
  args: { initial: '인사말: ' },
  play: async ({ canvasElement, args }) => {
    const text = editor(canvasElement);
    await userEvent.click(text);
    await userEvent.keyboard('{Control>}{End}{/Control}');
    await userEvent.paste('{{고객명}}님, 안녕하세요.\n넛지 팀 드림');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      '인사말: {{고객명}}님, 안녕하세요.\n넛지 팀 드림',
    );
    await expect(text.querySelectorAll('.cm-line')).toHaveLength(2);
    // Select all and delete, as in a text field.
    await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
    await expect(args.onChange).toHaveBeenLastCalledWith('');
  },
};
