import type { Meta, StoryObj } from '@storybook/react-vite';
import { ENTRY, sequenceOf } from '../broken.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const node = {
  id: 'sms-d14',
  type: 'sms',
  data: {
    body: '[넛지] {{고객명}}님, 계약 만료가 2주 남았습니다({{만료일}}). 갱신 문의: {{ owner.phone | default: "1588-0000" }}',
    mode: 'auto',
  },
};

const meta = {
  title: 'Steps/SMS',
  component: StepFrame,
  args: { node },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  {
    id: 'sms-d14',
    type: 'SMS',
    // Long texts are cut at 80 characters.
    summary: [
      '[넛지] {{고객명}}님, 계약 만료가 2주 남았습니다({{만료일}}). 갱신 문의: {{ owner.phone | default: "1588…',
    ],
    handles: 'plain',
  },
  // Nothing leads to it.
  { sequence: sequenceOf([ENTRY, node]) },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
