import type { Meta, StoryObj } from '@storybook/react-vite';
import { ENTRY, sequenceOf } from '../broken.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const node = {
  id: 'ab-test',
  type: 'split',
  data: {
    branches: [
      { id: 'a', weight: 50 },
      { id: 'b', weight: 30 },
      { id: 'control', weight: 20 },
    ],
  },
};

const meta = {
  title: 'Steps/A-B split',
  component: StepFrame,
  args: { node },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  {
    id: 'ab-test',
    type: 'A/B split',
    summary: ['a 50% · b 30% · control 20%'],
    handles: ['a · 50%', 'b · 30%', 'control · 20%'],
  },
  // Nothing leads to it.
  { sequence: sequenceOf([ENTRY, node]) },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
