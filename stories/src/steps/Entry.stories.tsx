import type { Meta, StoryObj } from '@storybook/react-vite';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const meta = {
  title: 'Steps/Entry',
  component: StepFrame,
  args: {
    node: {
      id: 'start',
      type: 'entry',
      data: { triggers: [{ kind: 'event', name: 'signed_up' }, { kind: 'manual' }] },
    },
  },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  {
    id: 'start',
    type: 'Entry',
    summary: ['When event signed_up is recorded', 'Enrolled by a person or the API'],
    handles: 'plain',
    incoming: false,
  },
  {
    code: 'entry_multiple',
    pointer: '/nodes/4/type',
    message:
      'a sequence has exactly one entry, and "start" is already one: put several triggers on one entry instead',
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
