import { ProblemsPanel } from '@nudge/editor';
import { validateSequence } from '@nudge/schema';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ENTRY, sequenceOf } from './broken.ts';

const meta = {
  title: 'Panels/Problems',
  component: ProblemsPanel,
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ width: 360, height: 420, border: '1px solid #e2e8f0' }}>
        <Story />
      </div>
    ),
  ],
  args: { errors: [], warnings: [], open: true, onSelect: fn() },
} satisfies Meta<typeof ProblemsPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** What the validator says of a sequence with a misspelt unit, a link to nowhere and a loose branch. */
const broken = validateSequence(
  sequenceOf(
    [
      ENTRY,
      { id: 'wait', type: 'delay', data: { amount: 2, unit: 'fortnights' } },
      { id: 'check', type: 'condition', data: { rule: { event: 'opened' } } },
      { id: 'bye', type: 'exit', data: {} },
    ],
    [
      { id: 'e1', source: 'start', target: 'wait' },
      { id: 'e2', source: 'wait', target: 'check' },
      { id: 'e3', source: 'check', sourceHandle: 'yes', target: 'bye' },
      { id: 'e4', source: 'check', sourceHandle: 'no', target: 'ghost' },
    ],
  ),
);

export const WithProblems: Story = {
  args: {
    errors: broken.errors,
    warnings: broken.warnings,
    selected: [{ kind: 'node', id: 'check' }],
  },
  play: async ({ canvasElement, args }) => {
    const panel = within(canvasElement);
    await expect(panel.getByTestId('error-count')).toHaveTextContent('2 errors');
    await expect(panel.getByTestId('warning-count')).toHaveTextContent('1 warning');
    const items = panel.getAllByTestId('problem');
    await expect(items.map((i) => i.dataset.code)).toEqual([
      'invalid_value',
      'unknown_target',
      'unconnected_handle',
    ]);
    await expect(items[1]).toHaveAttribute('data-edge-id', 'e4');
    await expect(items[0]).toHaveTextContent('"fortnights" is not one of');
    await expect(items[2]).toHaveAttribute('aria-current', 'true');
    await userEvent.click(items[0] as HTMLElement);
    await expect(args.onSelect).toHaveBeenCalledWith(args.errors[0]);
  },
};

export const NoProblems: Story = {
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement);
    await expect(panel.getByTestId('no-problems')).toHaveTextContent('No problems');
    await expect(panel.queryAllByTestId('problem')).toHaveLength(0);
  },
};

export const NoProblemsKorean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement);
    await expect(panel.getByRole('heading')).toHaveTextContent('문제');
    await expect(panel.getByTestId('no-problems')).toHaveTextContent('문제 없음');
    await expect(panel.getByTestId('error-count')).toHaveTextContent('오류 0개');
  },
};

export const FileNotJson: Story = {
  args: {
    open: false,
    loadError: 'This file is not valid JSON (line 4, column 1): unexpected "}".',
  },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement);
    await expect(panel.getByRole('alert')).toHaveTextContent('line 4, column 1');
    await expect(panel.getByTestId('error-count')).toHaveTextContent('1 error');
  },
};
