import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { editorNamed, expectFocusRing, problemCodes } from './expect-field.ts';
import { MessageFormFrame } from './MessageFormFrame.tsx';

/** A new AlimTalk step, as the palette adds it. */
const NEW_KAKAO = { templateCode: '', body: '', mode: 'auto' };

const FILLED = {
  templateCode: 'RENEWAL_D14',
  body: '{{ 고객명 | default: "고객" }}님, 계약 만료가 2주 남았습니다.\n아래 버튼으로 바로 갱신하실 수 있습니다.',
  buttons: [
    { name: '갱신하기', url: 'https://acme.kr/renew/{{ contact.id }}' },
    { name: '상담 예약', url: 'https://acme.kr/call' },
  ],
  fallbackSms: '[acme] {{고객명}}님, 계약 만료 2주 전입니다. acme.kr/renew',
  mode: 'auto',
};

const BROKEN = {
  templateCode: '',
  body: '{{ 고객명 | default: "고객" }}님, 계약 만료가 2주 남았습니다.',
  buttons: [
    { name: '지금 바로 계약을 갱신하고 할인 혜택까지 모두 받아 보세요', url: '{{ contact.id' },
  ],
  mode: 'auto',
};

const meta = {
  title: 'Forms/AlimTalk',
  component: MessageFormFrame,
  parameters: { layout: 'padded' },
  args: { type: 'kakao', data: NEW_KAKAO, onChange: fn() },
} satisfies Meta<typeof MessageFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new AlimTalk: its fields named; a button added from the keyboard, then removed. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    const code = form.getByRole('textbox', { name: 'Template code' });
    await expect(problemCodes(code)).toEqual(['invalid_value']);
    await expect(problemCodes(editorNamed(canvasElement, 'Text'))).toEqual(['invalid_value']);
    await expect(form.getByRole('group', { name: 'Buttons' })).toHaveTextContent('No buttons.');
    await expect(editorNamed(canvasElement, 'Fallback SMS')).toHaveTextContent('');
    await expect(form.getByTestId('byte-count')).toHaveTextContent('SMS · 0 / 90 bytes');

    await userEvent.type(code, 'RENEWAL_D14');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { ...NEW_KAKAO, templateCode: 'RENEWAL_D14' },
      'templateCode',
    );

    const add = form.getByRole('button', { name: 'Add a button' });
    add.focus();
    await userEvent.keyboard('{Enter}');
    const first = form.getByRole('group', { name: 'Button 1' });
    const name = within(first).getByRole('textbox', { name: 'Button name' });
    await expectFocusRing(name);
    await userEvent.keyboard('갱신하기');
    await userEvent.tab();
    await userEvent.keyboard('https://acme.kr/renew');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      {
        ...NEW_KAKAO,
        templateCode: 'RENEWAL_D14',
        buttons: [{ name: '갱신하기', url: 'https://acme.kr/renew' }],
      },
      'buttons/0/url',
    );
    await userEvent.click(within(first).getByRole('button', { name: 'Remove button 1' }));
    await expect(add).toHaveFocus();
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { ...NEW_KAKAO, templateCode: 'RENEWAL_D14' },
      'buttons',
    );
  },
};

/** Every field set; up to five buttons, then the add button says why it is off. */
export const Filled: Story = {
  args: { data: FILLED },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expect(form.getByRole('textbox', { name: 'Template code' })).toHaveValue('RENEWAL_D14');
    const text = editorNamed(canvasElement, 'Text');
    await expect(text.querySelectorAll('.cm-line')).toHaveLength(2);
    const second = form.getByRole('group', { name: 'Button 2' });
    await expect(within(second).getByRole('textbox', { name: 'Button name' })).toHaveValue(
      '상담 예약',
    );
    await expect(within(second).getByLabelText('Link')).toHaveValue('https://acme.kr/call');
    await expect(form.getByTestId('byte-count')).toHaveTextContent('SMS · about 58 / 90 bytes');
    await expect(canvasElement.querySelectorAll('[data-testid="field-problem"]')).toHaveLength(0);

    const add = form.getByRole('button', { name: 'Add a button' });
    for (let i = 0; i < 3; i++) await userEvent.click(add);
    await expect(form.getAllByRole('group', { name: /^Button \d$/ })).toHaveLength(5);
    await expect(add).toBeDisabled();
    await expect(form.getByText('AlimTalk takes up to 5 buttons.')).toBeVisible();
    await expect(args.onChange).toHaveBeenCalledTimes(3);
  },
};

/** The validator's problems, each beside its field: a too-long button name, a broken link. */
export const WithErrors: Story = {
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expect(problemCodes(form.getByRole('textbox', { name: 'Template code' }))).toEqual([
      'invalid_value',
    ]);
    const button = within(form.getByRole('group', { name: 'Button 1' }));
    const name = button.getByRole('textbox', { name: 'Button name' });
    await expect(problemCodes(name)).toEqual(['invalid_value']);
    await expect(name).toHaveAccessibleDescription(/must be at most 28 characters/);
    await expect(problemCodes(button.getByLabelText('Link'))).toEqual(['liquid_syntax']);
    await expect(problemCodes(editorNamed(canvasElement, 'Text'))).toEqual([]);
  },
};

/** In Korean: names, hints and problem titles. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    const code = form.getByRole('textbox', { name: '템플릿 코드' });
    await expect(code.closest('.field')).toHaveTextContent('허용되지 않는 값');
    await expect(editorNamed(canvasElement, '내용')).toHaveTextContent(BROKEN.body);
    const buttons = form.getByRole('group', { name: '버튼' });
    await expect(within(buttons).getByRole('group', { name: '버튼 1' })).toBeVisible();
    await expect(within(buttons).getByRole('button', { name: '버튼 1 삭제' })).toBeVisible();
    await expect(within(buttons).getByRole('button', { name: '버튼 추가' })).toBeEnabled();
    await expect(editorNamed(canvasElement, '대체 문자')).toBeVisible();
    await expect(form.getByTestId('byte-count')).toHaveTextContent('SMS · 0 / 90바이트');
    await expect(form.getByRole('combobox', { name: '발송 방식' })).toHaveValue('auto');
  },
};
