import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { editorNamed, expectFocusRing, problemCodes, problemTexts } from './expect-field.ts';
import { MessageFormFrame } from './MessageFormFrame.tsx';

/** A new email step, as the palette adds it. */
const NEW_EMAIL = { subject: '', body: '', format: 'text', mode: 'auto' };

const FILLED = {
  subject: '{{ 고객명 | default: "고객" }}님, 요청하신 제안서입니다',
  body: '<p>안녕하세요 {{ contact.name }}님,</p>\n<p>{{ 회사명 }} 맞춤 제안서를 보내드립니다.</p>',
  format: 'html',
  mode: 'manual',
  from: { name: '김민지', email: 'minji@acme.kr' },
  replyTo: 'sales@acme.kr',
  cc: ['team@acme.kr', 'boss@acme.kr'],
};

/** What a hand-edited file might hold: a tag never closed, a half-typed address. */
const BROKEN = {
  subject: 'Re: 견적',
  body: '안녕하세요 {% if contact.company %}{{ 회사명 }}',
  format: 'text',
  mode: 'auto',
  bcc: ['audit@acme.kr', 'nobody'],
};

const meta = {
  title: 'Forms/Email',
  component: MessageFormFrame,
  parameters: { layout: 'padded' },
  args: { type: 'email', data: NEW_EMAIL, onChange: fn() },
} satisfies Meta<typeof MessageFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new email: every field labelled; typing writes the data; the body editor types like a text field. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    const subject = form.getByRole('textbox', { name: 'Subject' });
    // Nothing before it sends an email, so a reply in the thread has nothing to reply to:
    // the hint and the problem both describe the field.
    await expect(problemCodes(subject)).toEqual(['thread_without_email']);
    await expect(subject).toHaveAccessibleDescription(
      'Leave empty to reply in the thread of the latest email sent to the contact (as “Re: …”). Reply with no earlier email email "step-1" has no subject, so it replies in the thread of an earlier email, but some path reaches it with no email before it: give it a subject',
    );
    await expect(form.getByRole('combobox', { name: 'Format' })).toHaveValue('text');
    await expect(form.getByRole('combobox', { name: 'Sending' })).toHaveValue('auto');
    const more = canvasElement.querySelector('details') as HTMLDetailsElement;
    await expect(more.open).toBe(false);

    await userEvent.type(subject, '제안서');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { subject: '제안서', body: '', format: 'text', mode: 'auto' },
      'subject',
    );
    await waitFor(() => expect(problemCodes(subject)).toEqual([]));

    const body = editorNamed(canvasElement, 'Body');
    await expect(problemCodes(body)).toEqual(['invalid_value']);
    await userEvent.click(body);
    await expectFocusRing(body);
    await userEvent.keyboard('안녕하세요 {{{{ 고객명 }}님');
    await expect(body).toHaveTextContent('안녕하세요 {{ 고객명 }}님');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { subject: '제안서', body: '안녕하세요 {{ 고객명 }}님', format: 'text', mode: 'auto' },
      'body',
    );
    await waitFor(() => expect(problemCodes(body)).toEqual([]));

    // Tab leaves the editor for the next field; Shift+Tab comes back.
    await userEvent.tab();
    await expect(form.getByRole('combobox', { name: 'Format' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect(body).toHaveFocus();
    await expect(body).toHaveTextContent('안녕하세요 {{ 고객명 }}님');
  },
};

/** Every field set: what each shows; the rare ones are open because they hold values. */
export const Filled: Story = {
  args: { data: FILLED, afterEmail: true },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expect(form.getByRole('textbox', { name: 'Subject' })).toHaveValue(FILLED.subject);
    const body = editorNamed(canvasElement, 'Body');
    await expect(body.textContent).toBe(FILLED.body.replace('\n', ''));
    await expect(body.querySelectorAll('.cm-line')).toHaveLength(2);
    await expect(form.getByRole('combobox', { name: 'Format' })).toHaveValue('html');
    await expect(form.getByRole('combobox', { name: 'Sending' })).toHaveValue('manual');
    await expect((canvasElement.querySelector('details') as HTMLDetailsElement).open).toBe(true);
    await expect(form.getByRole('textbox', { name: 'From' })).toHaveValue('김민지 <minji@acme.kr>');
    await expect(form.getByRole('textbox', { name: 'Reply-to' })).toHaveValue('sales@acme.kr');
    await expect(form.getByRole('textbox', { name: 'Cc' })).toHaveValue(
      'team@acme.kr, boss@acme.kr',
    );
    await expect(form.getByRole('textbox', { name: 'Bcc' })).toHaveValue('');
    await expect(canvasElement.querySelectorAll('[data-testid="field-problem"]')).toHaveLength(0);

    // A Bcc typed as a list, with a space after the comma kept while typing.
    const bcc = form.getByRole('textbox', { name: 'Bcc' });
    await userEvent.type(bcc, 'audit@acme.kr, ');
    await expect(bcc).toHaveValue('audit@acme.kr, ');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { ...FILLED, bcc: ['audit@acme.kr'] },
      'bcc',
    );
  },
};

/** Problems from the validator, each beside its field, the folded ones opened to show theirs. */
export const WithErrors: Story = {
  args: { data: BROKEN, afterEmail: true },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    const body = editorNamed(canvasElement, 'Body');
    await expect(problemCodes(body)).toEqual(['liquid_syntax']);
    await expect(problemTexts(body)[0]).toContain('Template syntax error');
    await expect(body).toHaveAttribute('aria-invalid', 'true');
    await expect(body.closest('.liquid-editor')).toHaveClass('liquid-editor--invalid');
    const bcc = form.getByRole('textbox', { name: 'Bcc' });
    await expect(bcc).toBeVisible();
    await expect(problemTexts(bcc)).toEqual([
      'Value not allowed here "nobody" is not an email address',
    ]);
    await expect(bcc).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('textbox', { name: 'Subject' })).not.toHaveAttribute(
      'aria-invalid',
    );

    // Fixing the address clears its problem, live.
    await userEvent.clear(bcc);
    await userEvent.type(bcc, 'audit@acme.kr');
    await waitFor(() => expect(problemCodes(bcc)).toEqual([]));
  },
};

/** The same form in Korean: the fields' names, hints and problem titles are Korean. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: BROKEN, afterEmail: true },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expect(form.getByRole('textbox', { name: '제목' })).toHaveValue('Re: 견적');
    const body = editorNamed(canvasElement, '본문');
    await expect(problemTexts(body)[0]).toContain('템플릿 문법 오류');
    await expect(form.getByRole('combobox', { name: '형식' })).toHaveDisplayValue('일반 텍스트');
    await expect(form.getByRole('combobox', { name: '발송 방식' })).toHaveDisplayValue(
      '자동 발송 (발송 시간대에)',
    );
    await expect(form.getByText('추가 옵션')).toBeVisible();
    for (const name of ['보내는 사람', '회신 주소', '참조', '숨은 참조'])
      await expect(form.getByRole('textbox', { name })).toBeVisible();
    await expect(problemCodes(form.getByRole('textbox', { name: '숨은 참조' }))).toEqual([
      'invalid_value',
    ]);
  },
};
