import type { Meta, StoryObj } from '@storybook/react-vite';
import { ENTRY, sequenceOf } from '../broken.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const node = {
  id: 'opened-welcome',
  type: 'wait_for',
  data: {
    rule: { event: 'opened', node: 'welcome' },
    timeout: { amount: 3, unit: 'businessDays' },
  },
};

const meta = {
  title: 'Steps/Wait for',
  component: StepFrame,
  args: { node },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  {
    id: 'opened-welcome',
    type: 'Wait for',
    summary: ['opened welcome', 'Times out after 3 business days'],
    handles: ['Met', 'Timeout'],
  },
  // Its rule waits for an open of "welcome", which this sequence doesn't have.
  {
    sequence: sequenceOf([ENTRY, node], [{ id: 'e1', source: 'start', target: 'opened-welcome' }]),
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
