import type { Meta, StoryObj } from '@storybook/react-vite';
import { ENTRY, sequenceOf } from '../broken.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const node = {
  id: 'tag-exec',
  type: 'update_contact',
  data: {
    set: { 'contact.attributes.onboarding_track': 'executive' },
    addTags: ['exec-track'],
    removeTags: ['cold'],
  },
};

const meta = {
  title: 'Steps/Update contact',
  component: StepFrame,
  args: { node },
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
  // Sets a path that is not the contact's.
  {
    sequence: sequenceOf(
      [ENTRY, { ...node, data: { ...node.data, set: { ...node.data.set, 'owner.name': 'Kim' } } }],
      [{ id: 'e1', source: 'start', target: 'tag-exec' }],
    ),
    summary: [
      'onboarding_track → "executive"',
      'owner.name → "Kim"',
      'Add tags: exec-track',
      'Remove tags: cold',
    ],
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
