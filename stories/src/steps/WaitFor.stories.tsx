import type { Meta, StoryObj } from '@storybook/react-vite';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const meta = {
  title: 'Steps/Wait for',
  component: StepFrame,
  args: {
    node: {
      id: 'opened-welcome',
      type: 'wait_for',
      data: {
        rule: { event: 'opened', node: 'welcome' },
        timeout: { amount: 3, unit: 'businessDays' },
      },
    },
  },
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
  {
    code: 'unknown_node_ref',
    pointer: '/nodes/2/data/rule/node',
    message: 'the RULE names node "welcome", which is not in this sequence',
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
