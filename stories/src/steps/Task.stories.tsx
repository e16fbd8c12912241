import type { Meta, StoryObj } from '@storybook/react-vite';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const meta = {
  title: 'Steps/Task',
  component: StepFrame,
  args: {
    node: {
      id: 'renewal-call',
      type: 'task',
      data: {
        kind: 'call',
        title: '{{회사명}} {{고객명}}님 갱신 상담 전화',
        assignee: 'owner',
        waitForCompletion: true,
      },
    },
  },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  {
    id: 'renewal-call',
    type: 'Task',
    summary: ['Call: {{회사명}} {{고객명}}님 갱신 상담 전화', 'Waits until done'],
    handles: 'plain',
  },
  {
    code: 'invalid_value',
    pointer: '/nodes/8/data/assignee',
    message: 'the assignee must be "owner" (the contact\'s owner) or an email address',
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
