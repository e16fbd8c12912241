import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ENTRY, problemsAbout, sequenceOf } from '../broken.ts';
import { expectStep } from '../expect-step.ts';
import { StepFrame } from '../StepFrame.tsx';
import { stepStories } from '../step-stories.ts';

const node = {
  id: 'is-executive',
  type: 'condition',
  data: {
    rule: {
      any: [
        { field: 'contact.title', op: 'contains', value: 'CEO' },
        { field: 'contact.title', op: 'contains', value: '대표' },
      ],
    },
  },
};

const meta = {
  title: 'Steps/Condition',
  component: StepFrame,
  args: { node },
} satisfies Meta<typeof StepFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

const expected = {
  id: 'is-executive',
  type: 'Condition',
  summary: ['title contains "CEO" or title contains "대표"'],
  handles: ['Yes', 'No'],
};

const bye = { id: 'bye', type: 'exit', data: {} };
const linked = [
  { id: 'e1', source: 'start', target: 'is-executive' },
  { id: 'e2', source: 'is-executive', sourceHandle: 'yes', target: 'bye' },
];

const stories = stepStories(expected, {
  // One comparison uses an operator rules don't have.
  sequence: sequenceOf(
    [
      ENTRY,
      {
        ...node,
        data: {
          rule: {
            any: [
              { field: 'contact.title', op: 'contains', value: 'CEO' },
              { field: 'contact.title', op: 'startsWith', value: '대표' },
            ],
          },
        },
      },
      bye,
    ],
    [...linked, { id: 'e3', source: 'is-executive', sourceHandle: 'no', target: 'bye' }],
  ),
  summary: ['title contains "CEO" or title ?'],
});

export const Normal: Story = stories.normal;
export const Selected: Story = stories.selected;
export const WithError: Story = stories.withError;

/** A warning gives a lighter state than an error. */
export const WithWarning: Story = {
  // Its "no" handle leads nowhere.
  args: { problems: problemsAbout(sequenceOf([ENTRY, node, bye], linked), 'is-executive') },
  play: async ({ canvasElement }) => {
    const step = within(canvasElement).getByTestId('step');
    await expect(step).toHaveAttribute('data-state', 'warning');
    await expect(step.getAttribute('title')).toContain('leads nowhere');
    await expect(within(step).getByTestId('step-badge')).toHaveTextContent('1');
    await expect(getComputedStyle(step).borderLeftColor).toBe('rgb(245, 158, 11)');
  },
};

export const Korean: Story = {
  globals: { locale: 'ko' },
  play: ({ canvasElement }) =>
    expectStep(canvasElement, {
      ...expected,
      type: '조건 분기',
      summary: ['title에 "CEO" 포함 또는 title에 "대표" 포함'],
      handles: ['예', '아니오'],
    }),
};

/** A link leaves by a handle conditions don't have: it is drawn from a struck-out red handle. */
export const WithStrayHandle: Story = {
  args: { strayHandles: ['maybe'] },
  play: async ({ canvasElement }) => {
    await expectStep(canvasElement, { ...expected, handles: ['Yes', 'No', 'maybe'] });
    const stray = within(canvasElement)
      .getAllByTestId('step-handle')
      .find((h) => h.dataset.stray === 'true');
    await expect(stray).toHaveTextContent('maybe');
    await expect(stray?.getAttribute('title')).toContain('no such handle');
    await expect(
      canvasElement.querySelector('.react-flow__handle.step__handle--stray'),
    ).toHaveAttribute('data-handleid', 'maybe');
  },
};
