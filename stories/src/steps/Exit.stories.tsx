import type { Meta, StoryObj } from '@storybook/react-vite';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const meta = {
  title: 'Steps/Exit',
  component: StepFrame,
  args: { node: { id: 'converted', type: 'exit', data: { outcome: 'converted' } } },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  { id: 'converted', type: 'Exit', summary: ['Ends as converted'], handles: 'none' },
  {
    code: 'unreachable',
    pointer: '/nodes/9',
    message: 'no path from the entry reaches exit "converted"',
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
