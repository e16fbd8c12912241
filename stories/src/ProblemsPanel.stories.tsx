import { ProblemsPanel } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';

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

export const WithProblems: Story = {
  args: {
    errors: [
      {
        severity: 'error',
        code: 'invalid_value',
        message: '"fortnights" is not one of "minutes", "hours", "days", "weeks", "businessDays"',
        pointer: '/nodes/2/data/unit',
        nodeId: 'wait',
      },
      {
        severity: 'error',
        code: 'unknown_target',
        message: 'the target "ghost" is not a node of this sequence',
        pointer: '/edges/5/target',
        edgeId: 'e6',
      },
    ],
    warnings: [
      {
        severity: 'warning',
        code: 'unconnected_handle',
        message:
          'the "no" handle of condition "check" leads nowhere: enrollments that take it complete there',
        pointer: '/nodes/3',
        nodeId: 'check',
      },
    ],
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
    await expect(items[1]).toHaveAttribute('data-edge-id', 'e6');
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
