import type { Meta, StoryObj } from '@storybook/react-vite';
import { ENTRY, sequenceOf } from '../broken.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const exitNode = { id: 'converted', type: 'exit', data: { outcome: 'converted' } };

const meta = {
  title: 'Steps/Exit',
  component: StepFrame,
  args: { node: exitNode },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  { id: 'converted', type: 'Exit', summary: ['Ends as converted'], handles: 'none' },
  // Nothing leads to it.
  { sequence: sequenceOf([ENTRY, exitNode]) },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
