import { App, sequenceStore } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  CHAIN,
  links,
  openSequence,
  resetPage,
  selectedSteps,
  stepElement,
  stepIds,
} from './page.ts';

/**
 * The canvas's actions: the right-click menu (and Shift+F10), copy and paste as JSON through
 * the clipboard events, duplicate, select all, and pasted junk refused without a change.
 */
const meta = {
  title: 'Builder/Canvas actions',
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

const body = () => within(document.body);

/** Right-click a step: a menu of its actions, moved through with the arrows, closed by Escape. */
export const StepMenu: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, CHAIN);
    const wait = stepElement(canvasElement, 'wait');
    await userEvent.pointer({ keys: '[MouseRight]', target: wait });
    const menu = await body().findByRole('menu', { name: 'Step actions' });
    await expect(menu).toHaveAttribute('data-testid', 'context-menu');
    const items = within(menu).getAllByRole('menuitem');
    await expect(items.map((i) => i.textContent)).toEqual([
      'Insert after…/',
      'Connect to…',
      'DuplicateCtrl+D',
      'CopyCtrl+C',
      'DeleteDel',
    ]);
    await expect(within(menu).getByRole('menuitem', { name: 'Duplicate' })).toHaveAttribute(
      'aria-keyshortcuts',
      'Control+D',
    );
    await expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    await expect(items[4]).toHaveFocus();
    await userEvent.keyboard('{Home}{ArrowDown}');
    await expect(items[1]).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(menu).not.toBeInTheDocument());
    await expect(wait).toHaveFocus();
    await expect(selectedSteps()).toEqual(['wait']);

    // Shift+F10 on the focused step opens it too; Duplicate adds a copy, selected.
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const again = await body().findByRole('menu', { name: 'Step actions' });
    await userEvent.click(within(again).getByRole('menuitem', { name: 'Duplicate' }));
    await waitFor(() => expect(stepIds()).toContain('delay-1'));
    await expect(selectedSteps()).toEqual(['delay-1']);

    // Insert after… opens the step search after that step.
    await userEvent.pointer({
      keys: '[MouseRight]',
      target: stepElement(canvasElement, 'welcome'),
    });
    await userEvent.click(await body().findByRole('menuitem', { name: 'Insert after…' }));
    const search = await body().findByRole(
      'dialog',
      { name: 'Insert a step' },
      { timeout: 10_000 },
    );
    await userEvent.keyboard('task{Enter}');
    await waitFor(() => expect(links()).toContain('welcome>task-1'));
    await expect(search).not.toBeInTheDocument();
  },
};

/** Right-click a link, and the canvas: their own menus. */
export const LinkAndCanvasMenus: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, CHAIN);
    const link = canvasElement.querySelector('.react-flow__edge[data-id="e3"]') as Element;
    await expect(link).toHaveAccessibleName('Link from wait to bye');
    await userEvent.pointer({
      keys: '[MouseRight]',
      target: link.querySelector('.react-flow__edge-interaction') as Element,
    });
    const menu = await body().findByRole('menu', { name: 'Link actions' });
    await expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Insert step here', 'Delete link']);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Delete link' }));
    await waitFor(() => expect(links()).toEqual(['start>welcome', 'welcome>wait']));

    const pane = canvasElement.querySelector('.react-flow__pane') as Element;
    await userEvent.pointer({ keys: '[MouseRight]', target: pane, coords: { x: 400, y: 300 } });
    const canvasMenu = await body().findByRole('menu', { name: 'Canvas actions' });
    await expect(
      within(canvasMenu)
        .getAllByRole('menuitem')
        .map((i) => i.dataset.action),
    ).toEqual(['paste', 'addHere', 'selectAll', 'tidyUp', 'fitView']);
    await userEvent.click(within(canvasMenu).getByRole('menuitem', { name: 'Select all' }));
    await waitFor(() => expect(selectedSteps()).toHaveLength(4));
  },
};

/** Ctrl/Cmd+C puts the selected steps on the clipboard as JSON; Ctrl/Cmd+V pastes them anew. */
export const CopyAndPaste: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, CHAIN);
    const welcome = stepElement(canvasElement, 'welcome');
    await userEvent.click(welcome);
    await userEvent.click(stepElement(canvasElement, 'wait'));
    // Shift-click adds to the selection.
    await userEvent.keyboard('{Shift>}');
    await userEvent.click(welcome);
    await userEvent.keyboard('{/Shift}');
    await waitFor(() => expect(selectedSteps()).toEqual(['welcome', 'wait']));

    // What Ctrl/Cmd+C sends: a copy event on what has focus, with the clipboard to write to.
    const copied = new DataTransfer();
    const copy = new ClipboardEvent('copy', {
      clipboardData: copied,
      bubbles: true,
      cancelable: true,
    });
    (document.activeElement ?? document.body).dispatchEvent(copy);
    await expect(copy.defaultPrevented).toBe(true);
    const text = copied.getData('text/plain');
    const clipboard = JSON.parse(text);
    await expect(clipboard.format).toBe('nudge.steps/v1');
    await expect(clipboard.nodes.map((n: { id: string }) => n.id)).toEqual(['welcome', 'wait']);
    await expect(clipboard.edges).toEqual([{ id: 'e2', source: 'welcome', target: 'wait' }]);
    await expect(within(canvasElement).getByTestId('canvas-status')).toHaveTextContent(
      'Copied 2 steps.',
    );

    await userEvent.paste(text);
    await waitFor(() =>
      expect(stepIds()).toEqual(['start', 'welcome', 'wait', 'bye', 'email-1', 'delay-1']),
    );
    await expect(links()).toContain('email-1>delay-1');
    await expect(selectedSteps()).toEqual(['email-1', 'delay-1']);

    // Duplicate and select all, from the keys.
    await userEvent.keyboard('{Control>}d{/Control}');
    await waitFor(() => expect(stepIds()).toHaveLength(8));
    await expect(selectedSteps()).toEqual(['email-2', 'delay-2']);
    await userEvent.keyboard('{Control>}a{/Control}');
    await waitFor(() => expect(selectedSteps()).toHaveLength(8));
  },
};

/** Junk or another format on the clipboard: a clear message, and nothing changes. */
export const PasteJunk: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, CHAIN);
    await userEvent.click(stepElement(canvasElement, 'welcome'));
    const before = sequenceStore.getState().file;
    for (const junk of ['hello world', '{"format":"other.tool/v3","nodes":[]}']) {
      await userEvent.paste(junk);
      const refusal = await within(canvasElement).findByTestId('refusal');
      await expect(refusal).toHaveAttribute('data-code', 'not_steps');
      await expect(refusal).toHaveTextContent('the clipboard holds no Nudge steps');
      await expect(sequenceStore.getState().file).toBe(before);
      await userEvent.keyboard('{Escape}');
    }
  },
};

/** Keys typed in a field of the side panel stay there: no paste, no select all on the canvas. */
export const KeysInFieldsStayThere: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, CHAIN);
    await userEvent.click(stepElement(canvasElement, 'welcome'));
    const subject = await within(canvasElement).findByRole(
      'textbox',
      { name: /Subject/ },
      { timeout: 10_000 },
    );
    await userEvent.click(subject);
    await userEvent.keyboard('{Control>}a{/Control}');
    await expect(selectedSteps()).toEqual(['welcome']);
    await userEvent.paste('{"format":"nudge.steps/v1","nodes":[]}');
    await expect(within(canvasElement).queryByTestId('refusal')).toBeNull();
    await expect(stepIds()).toEqual(['start', 'welcome', 'wait', 'bye']);
    await userEvent.keyboard('/');
    await expect(body().queryByRole('dialog', { name: 'Insert a step' })).toBeNull();
  },
};

/** The overview map: hidden on a short sequence, shown by its button, which says its state. */
export const OverviewMap: Story = {
  play: async ({ canvasElement }) => {
    localStorage.removeItem('nudge.minimap');
    await openSequence(canvasElement, CHAIN);
    const canvas = within(canvasElement);
    const show = await canvas.findByRole('button', { name: 'Show the overview' });
    await expect(show).toHaveAttribute('aria-pressed', 'false');
    await expect(canvasElement.querySelector('.react-flow__minimap')).toBeNull();
    await userEvent.click(show);
    const hide = await canvas.findByRole('button', { name: 'Hide the overview' });
    await expect(hide).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(canvasElement.querySelector('.react-flow__minimap')).not.toBeNull());
    // Kept for the next visit; put back for the other stories.
    await expect(localStorage.getItem('nudge.minimap')).toBe('shown');
    await userEvent.click(hide);
    await waitFor(() => expect(canvasElement.querySelector('.react-flow__minimap')).toBeNull());
    localStorage.removeItem('nudge.minimap');
  },
};

/** start → ask (wait for a reply, 2 days), with nothing on either branch yet. */
const BRANCHING = {
  format: 'nudge.sequence/v1',
  id: 'ask-first',
  name: 'Ask first',
  nodes: [
    CHAIN.nodes[0],
    {
      id: 'ask',
      type: 'wait_for',
      position: { x: 0, y: 160 },
      data: { rule: { event: 'replied' }, timeout: { amount: 2, unit: 'days' } },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'ask' }],
};

/**
 * With the keyboard alone: a branching step's menu inserts on the branch chosen (Timeout while
 * Met is free), focus stays on the canvas when the focused step goes (Delete, an undo), and
 * Escape in the step settings goes back to the step.
 */
export const KeyboardBranchesAndFocus: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, BRANCHING);
    const ask = stepElement(canvasElement, 'ask');
    ask.focus();
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await body().findByRole('menu', { name: 'Step actions' });
    await expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual([
      'Insert after “Met”…',
      'Insert after “Timeout”…',
      'Connect “Met” to…',
      'Connect “Timeout” to…',
      'DuplicateCtrl+D',
      'CopyCtrl+C',
      'DeleteDel',
    ]);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await body().findByRole('dialog', { name: 'Insert a step' }, { timeout: 10_000 });
    await userEvent.keyboard('task{Enter}');
    await waitFor(() => expect(stepIds()).toContain('task-1'));
    const file = sequenceStore.getState().file as {
      edges: Array<{ source: string; sourceHandle?: string; target: string }>;
    };
    await expect(file.edges.find((e) => e.target === 'task-1')?.sourceHandle).toBe('timeout');
    await waitFor(() => expect(stepElement(canvasElement, 'task-1')).toHaveFocus());

    // Undo takes the new step back: focus goes to the step before it, not to the page.
    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(stepIds()).not.toContain('task-1'));
    await waitFor(() => expect(stepElement(canvasElement, 'ask')).toHaveFocus());

    // Escape in the step settings: back to the step on the canvas.
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(selectedSteps()).toEqual(['ask']));
    const amount = await within(canvasElement).findByRole(
      'textbox',
      { name: 'Amount' },
      { timeout: 10_000 },
    );
    amount.focus();
    await userEvent.keyboard('{Escape}');
    await expect(stepElement(canvasElement, 'ask')).toHaveFocus();

    // Delete the focused, selected step: focus goes to the entry that led into it.
    await userEvent.keyboard('{Delete}');
    await waitFor(() => expect(stepIds()).toEqual(['start']));
    await waitFor(() => expect(stepElement(canvasElement, 'start')).toHaveFocus());
  },
};

/**
 * Connect to… from the keyboard: Shift+F10 on a step, the picker lists the steps the format lets
 * it lead to (not itself, not the entry, nothing that makes a loop), typing narrows, Enter links.
 */
export const ConnectTo: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, {
      ...CHAIN,
      // "wait" leads nowhere yet: it can be connected to the exit, but not back to "welcome".
      edges: CHAIN.edges.filter((e) => e.id !== 'e3'),
    });
    const wait = stepElement(canvasElement, 'wait');
    wait.focus();
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await body().findByRole('menu', { name: 'Step actions' });
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Connect to…' }));
    const picker = await body().findByRole(
      'dialog',
      { name: 'Connect to a step' },
      { timeout: 10_000 },
    );
    await waitFor(() =>
      expect(
        within(picker)
          .getAllByRole('option')
          .map((o) => o.dataset.stepId),
      ).toEqual(['bye']),
    );
    await userEvent.keyboard('by{Enter}');
    await waitFor(() => expect(picker).not.toBeInTheDocument());
    const file = sequenceStore.getState().file as {
      edges: Array<{ source: string; target: string }>;
    };
    await expect(file.edges.some((e) => e.source === 'wait' && e.target === 'bye')).toBe(true);
    await waitFor(() => expect(wait).toHaveFocus());

    // From the exit's predecessor again, nothing new can follow "welcome" but the ones it may.
    stepElement(canvasElement, 'welcome').focus();
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    await userEvent.click(
      within(await body().findByRole('menu', { name: 'Step actions' })).getByRole('menuitem', {
        name: 'Connect to…',
      }),
    );
    const again = await body().findByRole('dialog', { name: 'Connect to a step' });
    await userEvent.keyboard('zzz');
    await expect(
      await within(again).findByText('No step it can lead to matches “zzz”.'),
    ).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(again).not.toBeInTheDocument());
  },
};
