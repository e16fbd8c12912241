import type { Meta, StoryObj } from '@storybook/react-vite';
import { ENTRY, sequenceOf } from '../broken.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const node = {
  id: 'alimtalk-d7',
  type: 'kakao',
  data: {
    templateCode: 'RENEWAL_D7_BTN',
    body: '[넛지] 계약 만료 7일 전 안내\n\n{{고객명}}님, {{만료일}}에 계약이 만료됩니다.',
    buttons: [
      { name: '갱신 신청하기', url: 'https://nudge.example/renew' },
      { name: '요금제 비교', url: 'https://nudge.example/pricing' },
    ],
    mode: 'auto',
  },
};

const meta = {
  title: 'Steps/AlimTalk',
  component: StepFrame,
  args: { node },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = stepStories(
  {
    id: 'alimtalk-d7',
    type: 'AlimTalk',
    summary: [
      '[넛지] 계약 만료 7일 전 안내 {{고객명}}님, {{만료일}}에 계약이 만료됩니다.',
      'Template RENEWAL_D7_BTN · 2 buttons',
    ],
    handles: 'plain',
  },
  // A button's link is a template that doesn't parse (an unclosed {{ ).
  {
    sequence: sequenceOf(
      [
        ENTRY,
        {
          ...node,
          data: {
            ...node.data,
            buttons: [
              { name: '갱신 신청하기', url: 'https://nudge.example/renew?c={{ contact.id' },
              { name: '요금제 비교', url: 'https://nudge.example/pricing' },
            ],
          },
        },
      ],
      [{ id: 'e1', source: 'start', target: 'alimtalk-d7' }],
    ),
  },
);

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;
