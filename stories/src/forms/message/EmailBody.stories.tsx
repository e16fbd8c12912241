import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { editorNamed, expectFocusRing } from './expect-field.ts';
import { MessageFormFrame } from './MessageFormFrame.tsx';

/** An HTML email whose body the rich text editor keeps exactly. */
const HTML_EMAIL = {
  subject: '{{ 고객명 | default: "고객" }}님, 제안서입니다',
  body: '<p>안녕하세요 {{ contact.name | default: "고객" }}님,</p>\n<p><a href="https://acme.kr/demo?c={{ contact.id }}">데모 보기</a></p>',
  format: 'html',
  mode: 'auto',
};

/** A layout the rich text editor would flatten: a Liquid block around paragraphs, a style. */
const LAYOUT_EMAIL = {
  ...HTML_EMAIL,
  body: '<style>p { color: #333 }</style>\n{% if contact.company %}<p>{{ 회사명 }} 전용 혜택</p>{% endif %}',
};

/** TipTap loads on the first switch to rich text. */
const LOADING = { timeout: 10_000 };

const meta = {
  title: 'Forms/Email body',
  component: MessageFormFrame,
  parameters: { layout: 'padded' },
  args: {
    type: 'email',
    data: HTML_EMAIL,
    onChange: fn(),
    variables: { 만료일: 'contact.attributes.renewal_date' },
  },
} satisfies Meta<typeof MessageFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The body as HTML source, the mode switch above it. */
export const Source: Story = {
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    const modes = form.getByRole('group', { name: 'How to edit the body' });
    await expect(within(modes).getByRole('button', { name: 'HTML source' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(within(modes).getByRole('button', { name: 'Rich text' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(editorNamed(canvasElement, 'Body')).toHaveTextContent('{{ contact.id }}');
    await expect(
      form.getByText(/plain-text part of the email is made from this HTML/),
    ).toBeVisible();
  },
};

/** Rich text: Liquid as chips, a toolbar in the Tab order, typing writes the HTML body. */
export const RichText: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await userEvent.click(form.getByRole('button', { name: 'Rich text' }));
    const toolbar = await form.findByRole('toolbar', { name: 'Formatting' }, LOADING);
    const body = await waitFor(() => {
      const found = form.getByRole('textbox', { name: 'Body' });
      expect(found).toHaveAttribute('contenteditable', 'true');
      return found;
    }, LOADING);
    await expect(within(body).getByText('{{ contact.name | default: "고객" }}')).toHaveClass(
      'liquid-chip',
    );
    await expect(args.onChange).not.toHaveBeenCalled();

    // The caret at the end of the last paragraph (user-event has no End key in rich text).
    await userEvent.click(within(body).getByText('데모 보기'));
    const end = document.createRange();
    end.selectNodeContents(body.lastElementChild as Element);
    end.collapse(false);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(end);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await userEvent.keyboard(' 감사합니다');
    await waitFor(() =>
      expect(args.onChange).toHaveBeenLastCalledWith(
        {
          ...HTML_EMAIL,
          body: '<p>안녕하세요 {{ contact.name | default: "고객" }}님,</p><p><a href="https://acme.kr/demo?c={{ contact.id }}">데모 보기</a> 감사합니다</p>',
        },
        'body',
      ),
    );

    // Bold from the toolbar, by keyboard: its pressed state follows the selection.
    const bold = within(toolbar).getByRole('button', { name: 'Bold' });
    bold.focus();
    await expectFocusRing(bold);
    await userEvent.keyboard('{Enter}');
    await expect(bold).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('!');
    await waitFor(() =>
      expect(args.onChange).toHaveBeenLastCalledWith(
        expect.objectContaining({
          body: expect.stringContaining('감사합니다<strong>!</strong></p>'),
        }),
        'body',
      ),
    );

    // Back to HTML source: the same body as text.
    await userEvent.click(form.getByRole('button', { name: 'HTML source' }));
    await expect(editorNamed(canvasElement, 'Body')).toHaveTextContent(
      '감사합니다<strong>!</strong>',
    );
  },
};

/** A body rich text would change stays in source, and the author is told why and where. */
export const RefusedByRichText: Story = {
  args: { data: LAYOUT_EMAIL },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await userEvent.click(form.getByRole('button', { name: 'Rich text' }));
    const note = await form.findByTestId('body-refused', {}, LOADING);
    await expect(note).toHaveAttribute('role', 'status');
    await expect(note).toHaveTextContent('This body stays in HTML source');
    await expect(note).toHaveTextContent('<style>p { color: #333 }</style>');
    await expect(form.getByRole('button', { name: 'HTML source' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(form.queryByRole('toolbar')).toBeNull();
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

/** The variable menu, opened from the keyboard: search, arrows, Enter inserts; Escape closes. */
export const VariableMenuOpen: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    const subject = form.getByRole('textbox', { name: 'Subject' });
    const [forSubject] = form.getAllByRole('button', { name: 'Insert variable' });
    await expect(forSubject).toHaveAccessibleDescription('Subject');
    forSubject?.focus();
    await userEvent.keyboard('{Enter}');
    const menu = await form.findByRole('dialog', { name: 'Variables' });
    const search = within(menu).getByRole('combobox', { name: 'Search variables' });
    await expect(search).toHaveFocus();
    for (const group of ['Contact fields', 'Aliases'])
      await expect(within(menu).getByText(group)).toBeVisible();
    await expect(within(menu).getByText('reads contact.attributes.renewal_date')).toBeVisible();

    // Escape closes it and goes back to the field.
    await userEvent.keyboard('{Escape}');
    await expect(form.queryByRole('dialog')).toBeNull();
    await expect(subject).toHaveFocus();

    await userEvent.keyboard('{End}');
    forSubject?.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('만료');
    await userEvent.keyboard('{Enter}');
    await expect(subject).toHaveFocus();
    await waitFor(() =>
      expect(args.onChange).toHaveBeenLastCalledWith(
        { ...HTML_EMAIL, subject: `${HTML_EMAIL.subject}{{ 만료일 }}` },
        'subject',
      ),
    );
    // Open for the screenshot.
    forSubject?.click();
    await expect(await form.findByRole('dialog', { name: 'Variables' })).toBeVisible();
  },
};

/** In Korean: the mode switch, the toolbar and the menu. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await userEvent.click(form.getByRole('button', { name: '서식 있는 텍스트' }));
    const toolbar = await form.findByRole('toolbar', { name: '서식' }, LOADING);
    for (const name of [
      '굵게',
      '기울임꼴',
      '링크',
      '글머리 기호 목록',
      '번호 매기기 목록',
      '이미지',
    ])
      await expect(within(toolbar).getByRole('button', { name })).toBeVisible();
    await userEvent.click(within(toolbar).getByRole('button', { name: '변수 넣기' }));
    const menu = await form.findByRole('dialog', { name: '변수' });
    await expect(within(menu).getByText('연락처 필드')).toBeVisible();
    await expect(within(menu).getByText('담당자 이름')).toBeVisible();
  },
};

/** In Korean, a body kept in source: the reason in Korean. */
export const KoreanRefused: Story = {
  globals: { locale: 'ko' },
  args: { data: LAYOUT_EMAIL },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await userEvent.click(form.getByRole('button', { name: '서식 있는 텍스트' }));
    await expect(await form.findByTestId('body-refused', {}, LOADING)).toHaveTextContent(
      '이 본문은 HTML 소스로 편집합니다',
    );
    await expect(form.getByRole('button', { name: 'HTML 소스' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  },
};
