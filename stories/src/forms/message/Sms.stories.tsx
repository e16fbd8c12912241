import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { editorNamed, problemCodes } from './expect-field.ts';
import { MessageFormFrame } from './MessageFormFrame.tsx';

const FILLED = {
  body: '[넛지] {{고객명}}님, 계약 만료가 2주 남았습니다. 갱신 문의: {{ owner.phone | default: "1588-0000" }}',
  mode: 'manual',
};

const meta = {
  title: 'Forms/SMS',
  component: MessageFormFrame,
  parameters: { layout: 'padded' },
  args: { type: 'sms', data: { body: '', mode: 'auto' }, onChange: fn() },
} satisfies Meta<typeof MessageFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const byteCount = (root: HTMLElement) => within(root).getByTestId('byte-count');

/** A new text message: typing writes it, and its size is counted live, SMS then LMS. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    const text = editorNamed(canvasElement, 'Text');
    await expect(problemCodes(text)).toEqual(['invalid_value']);
    await expect(byteCount(canvasElement)).toHaveTextContent('SMS · 0 / 90 bytes');
    await expect(form.getByRole('combobox', { name: 'Sending' })).toHaveValue('auto');

    await userEvent.click(text);
    await userEvent.keyboard('Hi! 안녕하세요');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { body: 'Hi! 안녕하세요', mode: 'auto' },
      'body',
    );
    await expect(byteCount(canvasElement)).toHaveTextContent('SMS · 14 / 90 bytes');
    await waitFor(() => expect(problemCodes(text)).toEqual([]));
    // 40 more syllables: 94 bytes, a long message.
    await userEvent.paste('가'.repeat(40));
    await expect(byteCount(canvasElement)).toHaveTextContent(
      'LMS (long message) · 94 / 2,000 bytes',
    );
    await expect(byteCount(canvasElement)).toHaveAttribute('data-class', 'lms');
    await expect(text).toHaveAccessibleDescription(/LMS \(long message\) · 94 \/ 2,000 bytes/);

    await userEvent.selectOptions(form.getByRole('combobox', { name: 'Sending' }), 'manual');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { body: `Hi! 안녕하세요${'가'.repeat(40)}`, mode: 'manual' },
      'mode',
    );
  },
};

/** A Korean text with merge variables, in Korean: the size is "about", counted as written. */
export const FilledKorean: Story = {
  globals: { locale: 'ko' },
  args: { data: FILLED },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    const text = editorNamed(canvasElement, '내용');
    await expect(text).toHaveTextContent(FILLED.body);
    await expect(problemCodes(text)).toEqual([]);
    await expect(byteCount(canvasElement)).toHaveTextContent('LMS (장문) · 약 100 / 2,000바이트');
    await expect(form.getByText(/병합 변수가 채워지면 연락처마다 길이가 달라집니다/)).toBeVisible();
    await expect(form.getByRole('combobox', { name: '발송 방식' })).toHaveDisplayValue(
      '직접 발송: 담당자가 보내도록 할 일을 만듭니다',
    );
  },
};

/** Past 2,000 bytes the carriers refuse it: the field shows an error. */
export const TooLong: Story = {
  args: { data: { body: `${'가나다라마바사아자차'.repeat(100)}!`, mode: 'auto' } },
  play: async ({ canvasElement }) => {
    const text = editorNamed(canvasElement, 'Text');
    const count = byteCount(canvasElement);
    await expect(count).toHaveTextContent(
      'Too long: 2,001 bytes, more than the 2,000 an LMS holds',
    );
    await expect(getComputedStyle(count).color).toBe('rgb(185, 28, 28)');
    await expect(text).toHaveAttribute('aria-invalid', 'true');
    // One character less and it fits.
    await userEvent.click(text);
    await userEvent.keyboard('{Control>}{End}{/Control}{Backspace}');
    await expect(count).toHaveTextContent('LMS (long message) · 2,000 / 2,000 bytes');
    await expect(text).not.toHaveAttribute('aria-invalid');
  },
};

/** The validator's problems beside their fields: a template that does not parse. */
export const WithErrors: Story = {
  args: { data: { body: '{{고객명}}님, {% if %}', mode: 'auto' } },
  play: async ({ canvasElement }) => {
    const text = editorNamed(canvasElement, 'Text');
    await expect(problemCodes(text)).toEqual(['liquid_syntax']);
    const field = text.closest('.field') as HTMLElement;
    await expect(within(field).getByTestId('field-problem')).toHaveTextContent(
      'Template syntax error',
    );
  },
};

/** The same problem in Korean. */
export const WithErrorsKorean: Story = {
  ...WithErrors,
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const text = editorNamed(canvasElement, '내용');
    const field = text.closest('.field') as HTMLElement;
    await expect(within(field).getByTestId('field-problem')).toHaveTextContent('템플릿 문법 오류');
    await expect(byteCount(canvasElement)).toHaveTextContent('SMS · 약 22 / 90바이트');
  },
};
