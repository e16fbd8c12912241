import { App, STEP_SIZE, sequenceStore } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  CHAIN,
  links,
  NEW_SEQUENCE,
  openSequence,
  resetPage,
  selectedSteps,
  stepElement,
  stepIds,
} from '../canvas/page.ts';

/**
 * The Steps palette beside the canvas, on the editor page: its buttons, a click adding after
 * the selected step, Enter doing the same, and dragging an item onto the canvas or a link.
 */
const meta = {
  title: 'Builder/Palette',
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

const ENGLISH = [
  'Email',
  'SMS',
  'AlimTalk',
  'Task',
  'Delay',
  'Condition',
  'Wait for',
  'Split',
  'Update contact',
  'Exit',
];
const KOREAN = [
  '이메일',
  '문자',
  '알림톡',
  '할 일',
  '대기',
  '조건 분기',
  '반응 대기',
  '분할',
  '연락처 업데이트',
  '종료',
];

/** An empty sequence: clicks and Enter build a chain from the entry. */
export const EmptyCanvas: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, NEW_SEQUENCE);
    const page = within(canvasElement);
    const palette = page.getByRole('region', { name: 'Steps' });
    await expect(palette).toHaveAttribute('data-testid', 'palette');
    await expectItems(palette, ENGLISH);
    // Each item says what it does, as its description.
    await expect(
      within(palette).getByRole('button', { name: 'Email' }),
    ).toHaveAccessibleDescription(/Send an email/);

    // Nothing selected: after the end of the entry's path.
    await userEvent.click(within(palette).getByRole('button', { name: 'Email' }));
    await waitFor(() => expect(links()).toEqual(['start>email-1']));
    await expect(selectedSteps()).toEqual(['email-1']);
    await waitFor(() => expect(stepElement(canvasElement, 'email-1')).toHaveClass('selected'));
    await expect(page.getByTestId('canvas-status')).toHaveTextContent('Added Email step email-1.');

    // Enter on an item: after the step just added, which is still selected; focus stays here.
    const delay = within(palette).getByRole('button', { name: 'Delay' });
    delay.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(links()).toEqual(['start>email-1', 'email-1>delay-1']));
    await expect(selectedSteps()).toEqual(['delay-1']);
    await expect(delay).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(links()).toEqual(['start>email-1', 'email-1>delay-1', 'delay-1>condition-1']),
    );
    // A branching step: the next goes on its first handle, "yes".
    await userEvent.click(within(palette).getByRole('button', { name: 'Exit' }));
    await waitFor(() => expect(stepIds()).toContain('exit-1'));
    await expect(links()).toContain('condition-1>exit-1');
  },
};

/** A step selected in the middle of a chain: the new step goes into its link. */
export const WithSelection: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, CHAIN);
    const page = within(canvasElement);
    await userEvent.click(stepElement(canvasElement, 'welcome'));
    await waitFor(() => expect(selectedSteps()).toEqual(['welcome']));
    await userEvent.click(page.getByRole('button', { name: 'SMS' }));
    await waitFor(() =>
      expect(links()).toEqual(['start>welcome', 'welcome>sms-1', 'wait>bye', 'sms-1>wait']),
    );
    await expect(selectedSteps()).toEqual(['sms-1']);
    // An exit selected: nothing can follow it, and the page says so.
    await userEvent.click(stepElement(canvasElement, 'bye'));
    await userEvent.click(page.getByRole('button', { name: 'Task' }));
    await expect(await page.findByTestId('refusal')).toHaveAttribute('data-code', 'from_exit');
    await expect(stepIds()).not.toContain('task-1');
  },
};

/** The palette in Korean: the region and every item named in Korean. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, NEW_SEQUENCE);
    const palette = within(canvasElement).getByRole('region', { name: '단계' });
    await expectItems(palette, KOREAN);
    await userEvent.click(within(palette).getByRole('button', { name: '알림톡' }));
    await waitFor(() => expect(links()).toEqual(['start>kakao-1']));
    await expect(within(canvasElement).getByTestId('canvas-status')).toHaveTextContent(
      '알림톡 단계 kakao-1을(를) 추가했습니다.',
    );
  },
};

/** Dragging items from the palette: onto the canvas adds them there; onto a link inserts them. */
export const DragOntoCanvasAndLink: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, CHAIN);
    const page = within(canvasElement);
    const pane = canvasElement.querySelector('.react-flow') as HTMLElement;

    // Onto an empty part of the canvas: an unconnected step, centred where it was dropped.
    // Zoomed out, the corner of the view is far from every step.
    for (let i = 0; i < 3; i++)
      await userEvent.click(page.getByRole('button', { name: 'Zoom out' }));
    const box = pane.getBoundingClientRect();
    const free = { x: box.right - 60, y: box.top + 60 };
    const dropped = toCanvas(canvasElement, free);
    drag(page.getByRole('button', { name: 'Task' }), pane, free);
    await waitFor(() => expect(stepIds()).toContain('task-1'));
    await expect(links()).not.toContain('wait>task-1');
    const placed = positionOf('task-1');
    await expect(Math.abs(placed.x + STEP_SIZE.width / 2 - dropped.x)).toBeLessThanOrEqual(1);
    await expect(Math.abs(placed.y + STEP_SIZE.height / 2 - dropped.y)).toBeLessThanOrEqual(1);

    // Onto the link between welcome and wait: inserted there.
    const plus = canvasElement.querySelector('[data-testid="insert-step"][data-edge-id="e2"]');
    const spot = (plus as HTMLElement).getBoundingClientRect();
    // Just below the "+", on the line itself.
    drag(page.getByRole('button', { name: 'Wait for' }), pane, {
      x: spot.left + spot.width / 2,
      y: spot.bottom + 4,
    });
    await waitFor(() => expect(links()).toContain('welcome>wait-for-1'));
    await expect(links()).toContain('wait-for-1>wait');
    await expect(selectedSteps()).toEqual(['wait-for-1']);
  },
};

/** The palette's buttons are exactly these, in this order, each named by its type alone. */
async function expectItems(palette: HTMLElement, names: string[]) {
  const buttons = within(palette).getAllByRole('button');
  await expect(buttons).toHaveLength(names.length);
  for (const [i, name] of names.entries())
    await expect(within(palette).getByRole('button', { name })).toBe(buttons[i]);
}

/** A point of the screen on the canvas, by the view's pan and zoom as React Flow draws them. */
function toCanvas(root: HTMLElement, at: { x: number; y: number }) {
  const pane = (root.querySelector('.react-flow') as HTMLElement).getBoundingClientRect();
  const viewport = root.querySelector('.react-flow__viewport') as HTMLElement;
  const { e: x, f: y, a: zoom } = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
  return { x: (at.x - pane.left - x) / zoom, y: (at.y - pane.top - y) / zoom };
}

/** Where the document puts a step. */
function positionOf(id: string): { x: number; y: number } {
  const file = sequenceStore.getState().file as {
    nodes: Array<{ id: string; position?: { x: number; y: number } }>;
  };
  const position = file.nodes.find((n) => n.id === id)?.position;
  if (!position) throw new Error(`step ${id} has no position`);
  return position;
}

/** A palette item dragged and dropped at a point, as the browser's drag and drop sends it. */
function drag(item: HTMLElement, canvas: HTMLElement, at: { x: number; y: number }) {
  const data = new DataTransfer();
  item.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
  const target = document.elementFromPoint(at.x, at.y) ?? canvas;
  const init = {
    bubbles: true,
    cancelable: true,
    dataTransfer: data,
    clientX: at.x,
    clientY: at.y,
  };
  target.dispatchEvent(new DragEvent('dragover', init));
  target.dispatchEvent(new DragEvent('drop', init));
  item.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer: data }));
}
