import type { Meta, StoryObj } from '@storybook/react-vite';
import { sequenceOf } from '../broken.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const node = {
  id: 'start',
  type: 'entry',
  data: { triggers: [{ kind: 'event', name: 'signed_up' }, { kind: 'manual' }] },
};

const meta = {
  title: 'Steps/Entry',
  component: StepFrame,
  args: { node },
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
  // A second entry: the first one stands.
  {
    sequence: sequenceOf([
      { id: 'signup', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      node,
    ]),
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
