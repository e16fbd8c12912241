import type { StoryObj } from '@storybook/react-vite';
import { nodeOf, problemsAbout, type StorySequence } from './broken.ts';
import { expectStep, type StepExpectation } from './expect-step.ts';
import type { StepFrame } from './StepFrame.tsx';

type Story = StoryObj<typeof StepFrame>;

/**
 * The three stories every step type has: as it normally looks, selected, and with an error.
 * Each checks what it shows in its play function. The error story shows the step as it is in
 * `broken.sequence`, with what validateSequence says about it there (`broken.summary` when
 * the broken step reads differently).
 */
export function stepStories(
  expected: Omit<StepExpectation, 'selected' | 'errors'>,
  broken: { sequence: StorySequence; summary?: string[] },
): { normal: Story; selected: Story; withError: Story } {
  const problems = problemsAbout(broken.sequence, expected.id);
  const errors = problems.filter((p) => p.severity === 'error').map((p) => p.message);
  if (errors.length === 0) throw new Error(`the validator finds no error in "${expected.id}"`);
  return {
    normal: {
      play: ({ canvasElement }) => expectStep(canvasElement, expected),
    },
    selected: {
      args: { selected: true },
      play: ({ canvasElement }) => expectStep(canvasElement, { ...expected, selected: true }),
    },
    withError: {
      args: { node: nodeOf(broken.sequence, expected.id), problems },
      play: ({ canvasElement }) =>
        expectStep(canvasElement, {
          ...expected,
          summary: broken.summary ?? expected.summary,
          errors,
        }),
    },
  };
}
