import type { Meta, StoryObj } from '@storybook/react-vite';
import { expectStep } from '../expect-step.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const meta = {
  title: 'Steps/Email',
  component: StepFrame,
  args: {
    node: {
      id: 'welcome',
      type: 'email',
      data: {
        subject: '{{고객명}}님, 넛지 김지훈입니다',
        body: '<p>안녕하세요 {{고객명}}님,</p>',
        format: 'html',
        mode: 'auto',
      },
    },
  },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  { id: 'welcome', type: 'Email', summary: ['{{고객명}}님, 넛지 김지훈입니다'], handles: 'plain' },
  {
    code: 'cycle',
    pointer: '/edges/3',
    message:
      "this edge closes a cycle (welcome → wait → welcome): a sequence can't loop back to an earlier step",
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;

/** No subject: the email replies in the thread of the last one, and says so. */
export const ThreadedReply: Story = {
  args: {
    node: {
      id: 'bump',
      type: 'email',
      data: { body: 'Just making sure this reached you.', format: 'text', mode: 'manual' },
    },
  },
  play: ({ canvasElement }) =>
    expectStep(canvasElement, {
      id: 'bump',
      type: 'Email',
      summary: ['Reply in the thread of the last email', 'Sent by a person (creates a task)'],
      handles: 'plain',
    }),
};
