import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { allProblemCodes, expectAllNamed, expectFocusRing } from './expect-form.ts';
import { LogicFormFrame } from './LogicFormFrame.tsx';

const meta = {
  title: 'Forms/Exit',
  component: LogicFormFrame,
  parameters: { layout: 'padded' },
  // A new exit, as the palette adds it.
  args: { type: 'exit', data: { outcome: 'completed' }, onChange: fn() },
} satisfies Meta<typeof LogicFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new exit: completed; the arrow keys choose converted. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    const completed = form.getByRole('radio', { name: 'Completed' });
    await expect(completed).toBeChecked();
    await expect(form.getByRole('group', { name: 'Outcome' })).toHaveAccessibleDescription(
      'How the enrollment ends, in the results.',
    );
    await userEvent.tab();
    await expectFocusRing(completed);
    await userEvent.keyboard('{ArrowDown}');
    await expect(args.onChange).toHaveBeenLastCalledWith({ outcome: 'converted' }, 'outcome');
    await expect(form.getByRole('radio', { name: 'Converted (reached the goal)' })).toBeChecked();
  },
};

/** Converted. */
export const Filled: Story = {
  args: { data: { outcome: 'converted' } },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expect(form.getByRole('radio', { name: 'Converted (reached the goal)' })).toBeChecked();
    await expect(allProblemCodes(canvasElement)).toEqual([]);
  },
};

/** An outcome the format lacks: none checked, the problem under the choice until one is. */
export const WithErrors: Story = {
  args: { data: { outcome: 'won' } },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expect(form.getByRole('radio', { name: 'Completed' })).not.toBeChecked();
    await expect(
      form.getByRole('radio', { name: 'Converted (reached the goal)' }),
    ).not.toBeChecked();
    await expect(allProblemCodes(canvasElement)).toEqual(['invalid_value']);
    await expect(canvasElement).toHaveTextContent('"won" is not one of "completed", "converted"');
    await userEvent.click(form.getByRole('radio', { name: 'Converted (reached the goal)' }));
    await waitFor(() => expect(allProblemCodes(canvasElement)).toEqual([]));
  },
};

/** In Korean. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: { outcome: 'won' } },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.getByRole('group', { name: '종료 결과' })).toBeVisible();
    await expect(form.getByRole('radio', { name: '완료' })).not.toBeChecked();
    await expect(form.getByRole('radio', { name: '전환 (목표 달성)' })).toBeVisible();
    await expect(canvasElement).toHaveTextContent('허용되지 않는 값');
  },
};
