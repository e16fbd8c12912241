import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { allProblemCodes, expectAllNamed, problemCodes } from './expect-form.ts';
import { LogicFormFrame } from './LogicFormFrame.tsx';

/** A new split, as the palette adds it: 50/50. */
const NEW_SPLIT = {
  branches: [
    { id: 'a', weight: 50 },
    { id: 'b', weight: 50 },
  ],
};

const THREE_WAY = {
  branches: [
    { id: 'a', weight: 34 },
    { id: 'b', weight: 33 },
    { id: 'c', weight: 33 },
  ],
};

/** A hand-edited file: a weight over 100, and a sum that is not 100. */
const BROKEN = {
  branches: [
    { id: 'a', weight: 150 },
    { id: 'b', weight: 30 },
  ],
};

const meta = {
  title: 'Forms/Split',
  component: LogicFormFrame,
  parameters: { layout: 'padded' },
  args: { type: 'split', data: NEW_SPLIT, onChange: fn() },
} satisfies Meta<typeof LogicFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new split: a third branch gets the next id and weight 0; the total follows the typing. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    const total = form.getByTestId('split-total');
    await expect(total).toHaveTextContent('Total: 100%');
    await expect(form.getByRole('button', { name: 'Remove branch a' })).toBeDisabled();
    await userEvent.click(form.getByRole('button', { name: '+ Add branch' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { branches: [...NEW_SPLIT.branches, { id: 'c', weight: 0 }] },
      expect.stringMatching(/#add-/),
    );
    const c = form.getByRole('group', { name: 'Branch c' });
    const weight = within(c).getByRole('textbox', { name: 'Weight (%)' });
    await userEvent.clear(weight);
    await userEvent.type(weight, '20');
    await expect(total).toHaveTextContent('Total: 120%');
    // The live validator's warning says the sum is off, under the total.
    await waitFor(() => expect(allProblemCodes(canvasElement)).toEqual(['split_weights']));
    await expect(canvasElement).toHaveTextContent('sum to 120, not 100');
    await userEvent.click(form.getByRole('button', { name: 'Split evenly' }));
    await expect(total).toHaveTextContent(/^Total: 100%$/);
    await expect(args.onChange).toHaveBeenLastCalledWith(
      THREE_WAY,
      expect.stringMatching(/#even-/),
    );
  },
};

/** Three branches: removing b and adding one gives d, never b again. */
export const Filled: Story = {
  args: { data: THREE_WAY },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(allProblemCodes(canvasElement)).toEqual([]);
    const weights = form.getAllByRole('textbox', { name: 'Weight (%)' });
    await expect(weights.map((w) => (w as HTMLInputElement).value)).toEqual(['34', '33', '33']);
    await userEvent.click(form.getByRole('button', { name: 'Remove branch b' }));
    await userEvent.click(form.getByRole('button', { name: '+ Add branch' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(
      {
        branches: [
          { id: 'a', weight: 34 },
          { id: 'c', weight: 33 },
          { id: 'd', weight: 0 },
        ],
      },
      expect.any(String),
    );
    await expect(form.getByRole('group', { name: 'Branch d' })).toBeVisible();
  },
};

/** The validator's problems: a weight out of range beside it, the sum under the total. */
export const WithErrors: Story = {
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    const a = within(form.getByRole('group', { name: 'Branch a' })).getByRole('textbox', {
      name: 'Weight (%)',
    });
    await expect(problemCodes(a)).toEqual(['invalid_value']);
    await expect(a).toHaveAccessibleDescription(/150 must be <= 100/);
    await expect(form.getByTestId('split-total')).toHaveTextContent('Total: 180%');
    await expect(allProblemCodes(canvasElement)).toContain('split_weights');
    await userEvent.clear(a);
    await userEvent.type(a, '70');
    await waitFor(() => expect(allProblemCodes(canvasElement)).toEqual([]));
    await expect(form.getByTestId('split-total')).toHaveTextContent(/^Total: 100%$/);
  },
};

/** In Korean. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.getByTestId('split-total')).toHaveTextContent('합계: 180%');
    await expect(canvasElement).toHaveTextContent('분할 비율의 합이 100이 아님');
    await expect(form.getByRole('group', { name: '분기 a' })).toBeVisible();
    await expect(form.getByRole('button', { name: '+ 분기 추가' })).toBeEnabled();
    await expect(form.getByRole('button', { name: '균등하게 나누기' })).toBeEnabled();
  },
};
