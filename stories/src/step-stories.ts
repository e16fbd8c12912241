import type { Problem } from '@nudge/schema';
import type { StoryObj } from '@storybook/react-vite';
import { expectStep, type StepExpectation } from './expect-step.ts';
import type { StepFrame } from './StepFrame.tsx';

type Story = StoryObj<typeof StepFrame>;

/**
 * The three stories every step type has: as it normally looks, selected, and named by an
 * error. Each checks what it shows in its play function.
 */
export function stepStories(
  expected: Omit<StepExpectation, 'selected' | 'errors'>,
  error: Omit<Problem, 'severity' | 'nodeId'>,
): { normal: Story; selected: Story; withError: Story } {
  const problem: Problem = { severity: 'error', nodeId: expected.id, ...error };
  return {
    normal: {
      play: ({ canvasElement }) => expectStep(canvasElement, expected),
    },
    selected: {
      args: { selected: true },
      play: ({ canvasElement }) => expectStep(canvasElement, { ...expected, selected: true }),
    },
    withError: {
      args: { problems: [problem] },
      play: ({ canvasElement }) =>
        expectStep(canvasElement, { ...expected, errors: [problem.message] }),
    },
  };
}
