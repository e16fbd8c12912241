import { App } from '@nudge/editor';
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
} from './page.ts';

/**
 * The step search, opened from a link's "+" or with `/` on a step: type to filter in English
 * or Korean, Up/Down, Enter inserts, Escape closes and gives focus back.
 */
const meta = {
  title: 'Builder/Step search',
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

/** The search as a dialog named for what it does, its box and its choices. */
async function findSearch(root: HTMLElement, name: string) {
  // The search's code loads when it first opens.
  const dialog = await within(root.ownerDocument.body).findByRole(
    'dialog',
    { name },
    { timeout: 10_000 },
  );
  await expect(dialog).toHaveAttribute('data-testid', 'step-search');
  const options = () => within(dialog).getAllByRole('option');
  return { dialog, input: within(dialog).getByRole('combobox'), options };
}

/** A sequence built from the keyboard alone: focus the entry, select it, `/`, type, Enter. */
export const FromTheKeyboard: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, NEW_SEQUENCE);
    const entry = stepElement(canvasElement, 'start');
    entry.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(selectedSteps()).toEqual(['start']));

    await userEvent.keyboard('/');
    const search = await findSearch(canvasElement, 'Insert a step');
    await expect(search.input).toHaveAccessibleName('Search steps');
    await expect(search.input).toHaveFocus();
    await expect(search.options()).toHaveLength(10);
    await userEvent.keyboard('email');
    await waitFor(() => expect(search.options()[0]).toHaveAttribute('data-type', 'email'));
    await expect(search.options()[0]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');

    await waitFor(() => expect(links()).toEqual(['start>email-1']));
    await expect(selectedSteps()).toEqual(['email-1']);
    await waitFor(() => expect(stepElement(canvasElement, 'email-1')).toHaveFocus());
    await expect(search.dialog).not.toBeInTheDocument();

    // Korean in the English page: 대기 is Delay. Down moves to the next choice.
    await userEvent.keyboard('/');
    const again = await findSearch(canvasElement, 'Insert a step');
    await userEvent.keyboard('대기');
    await waitFor(() => expect(again.options()[0]).toHaveAttribute('data-type', 'delay'));
    await expect(again.options().map((o) => o.dataset.type)).toContain('wait_for');
    await userEvent.keyboard('{ArrowDown}');
    await expect(again.options()[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(links()).toEqual(['start>email-1', 'email-1>delay-1']));
    await waitFor(() => expect(stepElement(canvasElement, 'delay-1')).toHaveFocus());
  },
};

/** The "+" on a link: named "Insert step here"; Escape closes and focus goes back to it. */
export const InsertOnLink: Story = {
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, CHAIN);
    const page = within(canvasElement);
    const plus = page
      .getAllByRole('button', { name: 'Insert step here' })
      .find((b) => b.dataset.edgeId === 'e2') as HTMLElement;
    await expect(plus).toHaveAttribute('data-testid', 'insert-step');
    await expect(page.getAllByRole('button', { name: 'Insert step here' })).toHaveLength(3);

    await userEvent.click(plus);
    const search = await findSearch(canvasElement, 'Insert a step');
    await userEvent.keyboard('zebra');
    await expect(within(search.dialog).getByText('No step matches “zebra”.')).toBeVisible();
    await expect(within(search.dialog).queryAllByRole('option')).toHaveLength(0);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(search.dialog).not.toBeInTheDocument());
    await expect(plus).toHaveFocus();
    await expect(links()).toEqual(['start>welcome', 'welcome>wait', 'wait>bye']);

    // Enter on the focused "+" opens it again; a click on a choice inserts it too.
    await userEvent.keyboard('{Enter}');
    const next = await findSearch(canvasElement, 'Insert a step');
    await userEvent.keyboard('sms');
    await userEvent.click(next.options()[0] as HTMLElement);
    await waitFor(() =>
      expect(links()).toEqual(['start>welcome', 'welcome>sms-1', 'wait>bye', 'sms-1>wait']),
    );
    await expect(selectedSteps()).toEqual(['sms-1']);

    // From the keyboard, the link is the tab stop: / on it opens the same search.
    const link = canvasElement.querySelector<HTMLElement>('.react-flow__edge[data-id="e1"]');
    await expect(link).toHaveAttribute('tabindex', '0');
    link?.focus();
    await userEvent.keyboard('/');
    await findSearch(canvasElement, 'Insert a step');
    await userEvent.keyboard('delay{Enter}');
    await waitFor(() => expect(links()).toContain('start>delay-1'));
    await expect(links()).toContain('delay-1>welcome');
    await waitFor(() => expect(stepElement(canvasElement, 'delay-1')).toHaveFocus());
  },
};

/** In Korean: the "+" and the search are named in Korean; initial consonants find 이메일. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    await openSequence(canvasElement, CHAIN);
    const page = within(canvasElement);
    const [first] = page.getAllByRole('button', { name: '여기에 단계 넣기' });
    await userEvent.click(first as HTMLElement);
    const search = await findSearch(canvasElement, '단계 넣기');
    await expect(search.input).toHaveAccessibleName('단계 검색');
    await userEvent.keyboard('ㅇㅁㅇ');
    await waitFor(() => expect(search.options()[0]).toHaveAttribute('data-type', 'email'));
    await expect(search.options()[0]).toHaveTextContent('이메일');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(links()).toContain('start>email-1'));
    await expect(links()).toContain('email-1>welcome');
  },
};
