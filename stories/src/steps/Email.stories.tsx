import type { Meta, StoryObj } from '@storybook/react-vite';
import { ENTRY, sequenceOf } from '../broken.ts';
import { expectStep } from '../expect-step.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const node = {
  id: 'welcome',
  type: 'email',
  data: {
    subject: '{{고객명}}님, 넛지 김지훈입니다',
    body: '<p>안녕하세요 {{고객명}}님,</p>',
    format: 'html',
    mode: 'auto',
  },
};

const meta = {
  title: 'Steps/Email',
  component: StepFrame,
  args: { node },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  { id: 'welcome', type: 'Email', summary: ['{{고객명}}님, 넛지 김지훈입니다'], handles: 'plain' },
  // Without a subject it replies in a thread, but no email comes before it.
  {
    sequence: sequenceOf(
      [ENTRY, { ...node, data: { body: node.data.body, format: 'html', mode: 'auto' } }],
      [{ id: 'e1', source: 'start', target: 'welcome' }],
    ),
    summary: ['Reply in the thread of the last email'],
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
