import { App, closeSimulate, sequenceStore } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { freshPage, openExample, opened } from '../app/page-support.ts';

/**
 * The Simulate panel in the whole editor (issue 14 §4): the cold-mail example run for the
 * chosen sample contact (김민지, Seoul), who replies to the guide on day 5. Core runs in the
 * panel's Web Worker, as in the app. Empty (nothing open), with errors (a sequence that can't
 * run), filled in English and Korean, and "what if".
 */
const meta = {
  title: 'Editor/Simulate',
  component: App,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
  beforeEach: () => {
    const cleanup = freshPage();
    return async () => {
      closeSimulate();
      await cleanup();
    };
  },
} satisfies Meta<typeof App>;
export default meta;
type Story = StoryObj<typeof meta>;
type Page = ReturnType<typeof within>;

const stepCard = (id: string) =>
  document.querySelector(`.react-flow__node[data-id="${id}"] [data-testid="step"]`);

async function openPanel(page: Page, button: string) {
  await userEvent.click(page.getByRole('button', { name: button, exact: true }));
  // The panel loads lazily (with core): give it time on a loaded machine.
  return within(await page.findByTestId('simulate-panel', {}, { timeout: 10_000 }));
}

/** Start Monday 5 January 2026, 10:00 in Seoul; a reply to the guide 5 days later; Run. */
async function simulateReply(panel: Page, words: Record<string, string>) {
  // Chromium types into a datetime-local by its segments; set the value as the picker does.
  fireEvent.change(panel.getByTestId('simulate-start'), { target: { value: '2026-01-05T10:00' } });
  await expect(panel.getByTestId('simulate-start')).toHaveValue('2026-01-05T10:00');
  await userEvent.click(panel.getByRole('button', { name: words.add }));
  await userEvent.selectOptions(panel.getByLabelText(words.event), 'replied');
  await userEvent.selectOptions(panel.getByLabelText(words.step), 'guide');
  const after = panel.getByLabelText(words.after);
  await userEvent.clear(after);
  await userEvent.type(after, '5');
  await userEvent.selectOptions(panel.getByLabelText(words.unit), 'days');
  await userEvent.click(panel.getByRole('button', { name: words.run }));
  await waitFor(() => expect(panel.getByTestId('simulate-status')).toBeVisible(), {
    timeout: 15_000,
  });
}

export const NothingOpen: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const panel = await openPanel(page, 'Simulate');
    await expect(panel.getByText('Open a sequence to simulate it.')).toBeVisible();
    await userEvent.click(panel.getByRole('button', { name: 'Close the simulation' }));
    await waitFor(() => expect(page.queryByTestId('simulate-panel')).toBeNull());
  },
};

export const WithErrors: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    sequenceStore.getState().openValue('broken.json', {
      format: 'nudge.sequence/v1',
      name: 'Broken',
      nodes: [{ id: 'start', type: 'entry', data: { triggers: [] } }],
      edges: [{ id: 'e1', source: 'start', target: 'nowhere' }],
    });
    const panel = await openPanel(page, 'Simulate');
    await expect(panel.getByRole('status')).toHaveTextContent(
      'Fix the errors in the problems panel first',
    );
    await expect(panel.queryByRole('button', { name: 'Run' })).toBeNull();
  },
};

export const ReplyOnDayFive: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await openExample(page, 'cold-mail.json');
    await opened('cold-mail.json');
    const panel = await openPanel(page, 'Simulate');
    const contact = panel.getByRole('combobox', { name: 'Contact' }) as HTMLSelectElement;
    await expect(contact.selectedOptions[0]?.text).toMatch(/^김민지/);
    await expect(panel.getByText('Start (Asia/Seoul)')).toBeVisible();
    await simulateReply(panel, {
      add: 'Add event',
      event: 'Event 1',
      step: 'On step (1)',
      after: 'After (1)',
      unit: 'Unit (1)',
      run: 'Run',
    });
    const entries = panel.getAllByTestId('timeline-entry');
    await expect(entries[0]).toHaveTextContent('2026-01-05 Mon 10:00');
    await expect(entries.at(-1)).toHaveTextContent('replied — the contact replied (guide)');
    await expect(panel.getByTestId('simulate-status')).toHaveTextContent('Status: replied');
    await waitFor(() => expect(stepCard('guide')).toHaveClass('step--on-path'));
    await expect(stepCard('wait-6d')).toHaveClass('step--here');
    await expect(stepCard('offer')).not.toHaveClass('step--on-path');

    // The slider to the first moment: the contact is at the welcome email. (The keyboard on it
    // is tested end to end, test/simulate.test.ts: user-event does not drive range inputs.)
    const slider = panel.getByRole('slider', { name: 'Time' });
    fireEvent.change(slider, { target: { value: '0' } });
    await waitFor(() => expect(stepCard('welcome')).toHaveClass('step--here'));
    await expect(stepCard('guide')).not.toHaveClass('step--on-path');
    await expect(slider).toHaveAttribute('aria-valuetext', expect.stringContaining('welcome'));
    // The sequence's own history is untouched.
    await expect(sequenceStore.temporal.getState().pastStates).toHaveLength(0);
  },
};

export const ReplyOnDayFiveInKorean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await openExample(page, 'cold-mail.json');
    await opened('cold-mail.json');
    const panel = await openPanel(page, '시뮬레이션');
    await simulateReply(panel, {
      add: '이벤트 추가',
      event: '이벤트 1',
      step: '대상 단계 (1)',
      after: '경과 (1)',
      unit: '단위 (1)',
      run: '실행',
    });
    const entries = panel.getAllByTestId('timeline-entry');
    await expect(entries[0]).toHaveTextContent('2026-01-05 월 10:00');
    await expect(entries[0]).toHaveTextContent('발송');
    await expect(entries.at(-1)).toHaveTextContent('연락처가 답장함 (guide)');
    await expect(panel.getByTestId('simulate-status')).toHaveTextContent('상태: 답장');
    await expect(panel.getByRole('slider', { name: '시간' })).toBeVisible();
  },
};

export const WhatIf: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await openExample(page, 'cold-mail.json');
    await opened('cold-mail.json');
    const panel = await openPanel(page, 'Simulate');
    await userEvent.click(panel.getByRole('tab', { name: 'What if' }));
    const count = panel.getByLabelText('Contacts');
    await userEvent.clear(count);
    await userEvent.type(count, '300');
    await userEvent.click(panel.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(panel.getByTestId('what-if-result')).toBeVisible(), {
      timeout: 15_000,
    });
    await expect(panel.getByTestId('what-if-result')).toHaveTextContent('300 contacts in');
    const badge = (id: string) =>
      document.querySelector(`.react-flow__node[data-id="${id}"] [data-testid="step-reached"]`);
    await waitFor(() => expect(badge('welcome')).toHaveAttribute('data-count', '300'));
    await expect(Number(badge('offer')?.getAttribute('data-count'))).toBeLessThan(300);
    await expect(badge('welcome')).toHaveAccessibleName('300 of 300 contacts reach this step');
    await expect(document.querySelectorAll('[data-testid="link-split"]').length).toBeGreaterThan(0);
  },
};
