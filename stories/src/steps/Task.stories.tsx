import type { Meta, StoryObj } from '@storybook/react-vite';
import { ENTRY, sequenceOf } from '../broken.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const node = {
  id: 'renewal-call',
  type: 'task',
  data: {
    kind: 'call',
    title: '{{회사명}} {{고객명}}님 갱신 상담 전화',
    assignee: 'owner',
    waitForCompletion: true,
  },
};

const meta = {
  title: 'Steps/Task',
  component: StepFrame,
  args: { node },
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
  // Assigned to someone who is neither the owner nor an email address.
  {
    sequence: sequenceOf(
      [ENTRY, { ...node, data: { ...node.data, assignee: 'the boss' } }],
      [{ id: 'e1', source: 'start', target: 'renewal-call' }],
    ),
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
