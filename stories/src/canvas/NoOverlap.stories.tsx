import { App, STEP_SIZE } from '@nudge/editor';
import coldMail from '@nudge/schema/examples/cold-mail.json';
import contractRenewal from '@nudge/schema/examples/contract-renewal.json';
import onboarding from '@nudge/schema/examples/onboarding.json';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { openSequence, resetPage } from './page.ts';

/**
 * Cards never overlap when a sequence opens: every card, as the browser draws it in either
 * language, is exactly STEP_SIZE wide and no taller than STEP_SIZE (the box the layout and
 * the overlap checks count on), and no two cards' boxes on the screen intersect.
 */
const meta = {
  title: 'Builder/No overlapping cards',
  component: App,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
  beforeEach: resetPage,
} satisfies Meta<typeof App>;
export default meta;
type Story = StoryObj<typeof meta>;

const long = '아주 긴 안내 문구가 이어집니다 '.repeat(12);

/** Steps whose summaries run as long as they can, and branches with long names. */
const LONG_TEXTS = {
  format: 'nudge.sequence/v1',
  name: 'Long texts',
  nodes: [
    {
      id: 'start',
      type: 'entry',
      position: { x: 0, y: 0 },
      data: {
        triggers: [
          { kind: 'event', name: `signed_up_${'x'.repeat(80)}` },
          { kind: 'segment', segment: 's'.repeat(90) },
          { kind: 'manual' },
        ],
      },
    },
    {
      id: 'talk',
      type: 'kakao',
      position: { x: 0, y: 140 },
      data: {
        templateCode: 'T'.repeat(60),
        body: long,
        buttons: [1, 2, 3, 4, 5].map((i) => ({ name: `버튼 ${i}`, url: 'https://example.kr' })),
        fallbackSms: long,
        mode: 'manual',
      },
    },
    {
      id: 'wait',
      type: 'wait_for',
      position: { x: 0, y: 280 },
      data: {
        rule: {
          all: [
            { field: 'contact.attributes.very_long_attribute_name', op: 'contains', value: long },
            { event: 'clicked', node: 'talk' },
          ],
        },
        timeout: { amount: 14, unit: 'businessDays' },
      },
    },
    {
      id: 'split',
      type: 'split',
      position: { x: 0, y: 420 },
      data: {
        branches: Array.from({ length: 10 }, (_, i) => ({
          id: `branch-with-a-long-name-${i}`,
          weight: 10,
        })),
      },
    },
    {
      id: 'update',
      type: 'update_contact',
      position: { x: 0, y: 560 },
      data: {
        set: { 'contact.attributes.stage': long, 'contact.title': long, 'contact.company': long },
        addTags: ['a'.repeat(40), 'b'.repeat(40)],
        removeTags: ['c'.repeat(40)],
      },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'talk' },
    { id: 'e2', source: 'talk', target: 'wait' },
    { id: 'e3', source: 'wait', sourceHandle: 'met', target: 'split' },
    { id: 'e4', source: 'split', sourceHandle: 'branch-with-a-long-name-0', target: 'update' },
  ],
};

async function expectNoOverlap(root: HTMLElement, sequence: { nodes: unknown[] }) {
  await openSequence(root, sequence);
  const cards = () => [...root.querySelectorAll<HTMLElement>('.react-flow__node')];
  // React Flow shows a card once it has measured it.
  await waitFor(() => expect(cards().every((c) => c.style.visibility !== 'hidden')).toBe(true));
  for (const card of cards()) {
    const id = card.dataset.id;
    await expect(card.offsetWidth, `width of ${id}`).toBe(STEP_SIZE.width);
    await expect(card.offsetHeight, `height of ${id}`).toBeLessThanOrEqual(STEP_SIZE.height);
  }
  const boxes = cards().map((c) => ({ id: c.dataset.id, box: c.getBoundingClientRect() }));
  const covering = boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter(
        (b) =>
          a.box.left < b.box.right &&
          b.box.left < a.box.right &&
          a.box.top < b.box.bottom &&
          b.box.top < a.box.bottom,
      )
      .map((b) => `${a.id}/${b.id}`),
  );
  await expect(covering).toEqual([]);
}

const examples = [onboarding, coldMail, contractRenewal, LONG_TEXTS];

export const English: Story = {
  play: async ({ canvasElement }) => {
    for (const example of examples) await expectNoOverlap(canvasElement, example);
  },
};

export const Korean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    for (const example of examples) await expectNoOverlap(canvasElement, example);
  },
};
