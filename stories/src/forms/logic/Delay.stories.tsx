import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { expectAllNamed, expectFocusRing, problemCodes } from './expect-form.ts';
import { LogicFormFrame } from './LogicFormFrame.tsx';

/** A new delay step, as the palette adds it. */
const NEW_DELAY = { amount: 1, unit: 'days' };

const UNTIL_RENEWAL = {
  until: { field: 'contact.attributes.renewal_date', offsetDays: -30, at: '09:00' },
  ifPast: 'exit',
};

/** A hand-edited file: no amount of zero, no such unit. */
const BROKEN = { amount: 0, unit: 'fortnights' };

const meta = {
  title: 'Forms/Delay',
  component: LogicFormFrame,
  parameters: { layout: 'padded' },
  args: { type: 'delay', data: NEW_DELAY, onChange: fn() },
} satisfies Meta<typeof LogicFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new delay: amount and unit (in words), typed and chosen from the keyboard. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.getByRole('radio', { name: 'For an amount of time' })).toBeChecked();
    const amount = form.getByRole('textbox', { name: 'Amount' });
    const unit = form.getByRole('combobox', { name: 'Unit' });
    await expect(amount).toHaveValue('1');
    await expect([...(unit as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'minutes',
      'hours',
      'days',
      'weeks',
      'business days',
    ]);
    await userEvent.click(amount);
    await expectFocusRing(amount);
    await userEvent.clear(amount);
    await userEvent.type(amount, '3');
    await expect(args.onChange).toHaveBeenLastCalledWith({ amount: 3, unit: 'days' }, 'amount');
    await userEvent.tab();
    await expect(unit).toHaveFocus();
    await userEvent.selectOptions(unit, 'business days');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { amount: 3, unit: 'businessDays' },
      'unit',
    );
  },
};

/** Until a date: thirty days before the renewal, at nine, leaving when it has passed. */
export const Filled: Story = {
  args: { data: UNTIL_RENEWAL },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(
      form.getByRole('radio', { name: 'Until a date in the contact’s data' }),
    ).toBeChecked();
    await expect(form.getByRole('combobox', { name: 'Date field' })).toHaveValue('@attribute');
    await expect(form.getByRole('textbox', { name: 'Attribute name' })).toHaveValue('renewal_date');
    await expect(form.getByRole('textbox', { name: 'Days after the date' })).toHaveValue('-30');
    await expect(form.getByLabelText('Time of day')).toHaveValue('09:00');
    await expect(form.getByRole('radio', { name: 'Leave the sequence' })).toBeChecked();
    // To an amount of time and back: the date is kept.
    await userEvent.click(form.getByRole('radio', { name: 'For an amount of time' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ amount: 1, unit: 'days' }, 'kind');
    await userEvent.click(form.getByRole('radio', { name: 'Until a date in the contact’s data' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(UNTIL_RENEWAL, 'kind');
    await expect(form.getByRole('textbox', { name: 'Attribute name' })).toHaveValue('renewal_date');
  },
};

/** The validator's problems beside their fields, gone as the field is put right. */
export const WithErrors: Story = {
  args: { data: BROKEN },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    const amount = form.getByRole('textbox', { name: 'Amount' });
    const unit = form.getByRole('combobox', { name: 'Unit' });
    await expect(problemCodes(amount)).toEqual(['invalid_value']);
    await expect(amount).toHaveAccessibleDescription(/0 must be >= 1/);
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(problemCodes(unit)).toEqual(['invalid_value']);
    await expect(unit).toHaveAccessibleDescription(/"fortnights" is not one of/);
    await userEvent.clear(amount);
    await userEvent.type(amount, '2');
    await waitFor(() => expect(problemCodes(amount)).toEqual([]));
    await userEvent.selectOptions(unit, 'weeks');
    await waitFor(() => expect(problemCodes(unit)).toEqual([]));
    await expect(args.onChange).toHaveBeenLastCalledWith({ amount: 2, unit: 'weeks' }, 'unit');
  },
};

/** In Korean: labels, units and choices, and a problem's title. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: { until: { field: 'contact.attributes.', offsetDays: 3 } } },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.getByRole('radio', { name: '연락처 데이터의 날짜까지' })).toBeChecked();
    const key = form.getByRole('textbox', { name: '속성 이름' });
    await expect(key).toHaveAccessibleDescription(/허용되지 않는 값/);
    await userEvent.type(key, '계약_만료일');
    await waitFor(() => expect(problemCodes(key)).toEqual([]));
    await expect(form.getByRole('radio', { name: '바로 다음 단계로 진행' })).toBeChecked();
    await userEvent.click(form.getByRole('radio', { name: '정해진 시간 동안' }));
    const unit = form.getByRole('combobox', { name: '단위' });
    await expect([...(unit as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      '분',
      '시간',
      '일',
      '주',
      '영업일',
    ]);
  },
};
