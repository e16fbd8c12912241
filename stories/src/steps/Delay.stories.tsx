import type { Meta, StoryObj } from '@storybook/react-vite';
import { ENTRY, sequenceOf } from '../broken.ts';
import { expectStep } from '../expect-step.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const d30 = {
  id: 'd-30',
  type: 'delay',
  data: {
    until: { field: 'contact.attributes.contract_end_date', offsetDays: -30, at: '10:00' },
    ifPast: 'continue',
  },
};

const node = { id: 'wait-3d', type: 'delay', data: { amount: 3, unit: 'days' } };

const meta = {
  title: 'Steps/Delay',
  component: StepFrame,
  args: { node },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  { id: 'wait-3d', type: 'Delay', summary: ['3 days'], handles: 'plain' },
  // Nothing leads to it.
  { sequence: sequenceOf([ENTRY, node]) },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;

/** In Korean, the problem's title is Korean; the validator's detail stays as it said it. */
export const WithErrorKorean: Story = {
  ...stories.withError,
  globals: { locale: 'ko' },
  play: ({ canvasElement, args }) =>
    expectStep(canvasElement, {
      id: 'wait-3d',
      type: '대기',
      summary: ['3일'],
      handles: 'plain',
      errors: (args.problems ?? []).map((p) => p.message),
      errorTitles: ['도달할 수 없는 단계'],
    }),
};

/** A delay timed from a contact's date field. */
export const UntilDate: Story = {
  args: { node: d30 },
  play: ({ canvasElement }) =>
    expectStep(canvasElement, {
      id: 'd-30',
      type: 'Delay',
      summary: ['30 days before contract_end_date at 10:00'],
      handles: 'plain',
    }),
};

export const UntilDateKorean: Story = {
  args: { node: d30 },
  globals: { locale: 'ko' },
  play: ({ canvasElement }) =>
    expectStep(canvasElement, {
      id: 'd-30',
      type: '대기',
      summary: ['contract_end_date 30일 전 10:00'],
      handles: 'plain',
    }),
};
