import type { Meta, StoryObj } from '@storybook/react-vite';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const meta = {
  title: 'Steps/Update contact',
  component: StepFrame,
  args: {
    node: {
      id: 'tag-exec',
      type: 'update_contact',
      data: {
        set: { 'contact.attributes.onboarding_track': 'executive' },
        addTags: ['exec-track'],
        removeTags: ['cold'],
      },
    },
  },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  {
    id: 'tag-exec',
    type: 'Update contact',
    summary: ['onboarding_track → "executive"', 'Add tags: exec-track', 'Remove tags: cold'],
    handles: 'plain',
  },
  {
    code: 'invalid_value',
    pointer: '/nodes/5/data/set/owner.name',
    message: '"owner.name" is not a writable contact path',
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
