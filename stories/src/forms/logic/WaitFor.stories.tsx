import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { allProblemCodes, expectAllNamed, problemCodes } from './expect-form.ts';
import { LogicFormFrame } from './LogicFormFrame.tsx';

/** A new wait, as the palette adds it: opened, within 3 days. */
const NEW_WAIT = { rule: { event: 'opened' }, timeout: { amount: 3, unit: 'days' } };

const REPLY_OR_CLICK = {
  rule: { any: [{ event: 'replied' }, { event: 'clicked', node: 'welcome' }] },
  timeout: { amount: 5, unit: 'businessDays' },
};

/** A hand-edited file: a rule of nothing, a timeout of zero. */
const BROKEN = { rule: {}, timeout: { amount: 0, unit: 'days' } };

const meta = {
  title: 'Forms/Wait for',
  component: LogicFormFrame,
  parameters: { layout: 'padded' },
  args: { type: 'wait_for', data: NEW_WAIT, onChange: fn() },
} satisfies Meta<typeof LogicFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new wait: the event waited for and the timeout, both edited. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.getByRole('group', { name: 'Wait until' })).toBeVisible();
    await userEvent.selectOptions(
      form.getByRole('combobox', { name: 'Field or event' }),
      'Replied',
    );
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { rule: { event: 'replied' }, timeout: { amount: 3, unit: 'days' } },
      '/nodes/3/data/rule/event',
    );
    const timeout = form.getByRole('group', { name: 'Give up after' });
    await expect(timeout).toHaveTextContent('Then the contact takes the “Timeout” path.');
    const amount = within(timeout).getByRole('textbox', { name: 'Amount' });
    await userEvent.clear(amount);
    await userEvent.type(amount, '7');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { rule: { event: 'replied' }, timeout: { amount: 7, unit: 'days' } },
      'timeout.amount',
    );
  },
};

/** Replied, or clicked in the welcome email, within five business days. */
export const Filled: Story = {
  args: { data: REPLY_OR_CLICK },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(allProblemCodes(canvasElement)).toEqual([]);
    await expect(form.getByRole('combobox', { name: 'True when' })).toHaveDisplayValue(
      'any of these is true',
    );
    const steps = form.getAllByRole('combobox', { name: 'Of the message' });
    await expect(steps.map((s) => (s as HTMLSelectElement).value)).toEqual(['', 'welcome']);
    await expect(form.getByRole('combobox', { name: 'Unit' })).toHaveDisplayValue('business days');
    await expect(form.getByRole('textbox', { name: 'Amount' })).toHaveValue('5');
  },
};

/** The validator's problems: the rule's beside it, the timeout's beside the amount. */
export const WithErrors: Story = {
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    const rule = form.getByRole('group', { name: 'Wait until' });
    await expect(allProblemCodes(rule)).toEqual(['invalid_rule']);
    await expect(rule).toHaveTextContent('This part of the rule can’t be shown in the builder');
    const amount = form.getByRole('textbox', { name: 'Amount' });
    await expect(problemCodes(amount)).toEqual(['invalid_value']);
    await userEvent.click(form.getByRole('button', { name: 'JSON' }));
    const text = form.getByRole('textbox', { name: 'Rule as JSON' });
    await expect(text).toHaveValue('{}');
    await expect(problemCodes(text)).toEqual(['invalid_rule']);
    await userEvent.clear(text);
    await userEvent.paste('{"event": "clicked"}');
    await waitFor(() => expect(problemCodes(text)).toEqual([]));
  },
};

/** In Korean. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.getByRole('group', { name: '대기 조건' })).toHaveTextContent(
      '잘못된 조건 규칙',
    );
    const timeout = form.getByRole('group', { name: '최대 대기 시간' });
    await expect(timeout).toHaveTextContent('“시간 초과” 경로');
    const amount = within(timeout).getByRole('textbox', { name: '기간' });
    await expect(amount).toHaveAccessibleDescription(/허용되지 않는 값/);
    await expect(form.getByRole('button', { name: '빌더' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  },
};
