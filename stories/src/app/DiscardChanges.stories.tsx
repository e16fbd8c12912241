import { App, sequenceStore } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { freshPage, openExample, opened } from './page-support.ts';

/**
 * Open file, a dropped file and the Examples menu never replace unsaved changes silently: they
 * ask first, in an accessible dialog (keyboard usable, focus on the safe choice and back where
 * it was), whether to keep working or to discard the changes and open. With nothing to lose
 * they open at once, as before.
 */
const meta = {
  title: 'Editor/Page/Discard unsaved changes?',
  component: App,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
  beforeEach: freshPage,
} satisfies Meta<typeof App>;
export default meta;
type Story = StoryObj<typeof meta>;

type Page = ReturnType<typeof within>;

/** Opens cold-mail and renames it: a change saved nowhere. */
async function changedColdMail(page: Page) {
  await openExample(page, 'cold-mail.json');
  await opened('cold-mail.json');
  sequenceStore.getState().edit((s) => ({ sequence: { ...s, name: 'My cold mail' } }));
  await waitFor(() => expect(page.getByTestId('sequence-name')).toHaveTextContent('My cold mail'));
}

const sequenceFile = (name: string) =>
  new File(
    [
      JSON.stringify({
        format: 'nudge.sequence/v1',
        name,
        nodes: [{ id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } }],
        edges: [],
      }),
    ],
    'picked.json',
    { type: 'application/json' },
  );

export const ExampleOverUnsavedChanges: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await changedColdMail(page);

    await openExample(page, 'onboarding.json');
    const dialog = await page.findByRole('dialog', { name: 'Discard your unsaved changes?' });
    await expect(dialog).toHaveTextContent(
      '“My cold mail” has changes that are not saved on the server or exported to a file.',
    );
    await expect(dialog).toHaveTextContent('Opening the example “Trial onboarding');
    const keep = within(dialog).getByRole('button', { name: 'Keep working' });
    await waitFor(() => expect(keep).toHaveFocus());

    // Escape keeps working: nothing changes, and focus is back on the Examples button.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(page.queryByRole('dialog')).toBeNull());
    await expect(page.getByTestId('sequence-name')).toHaveTextContent('My cold mail');
    await waitFor(() => expect(page.getByTestId('examples-button')).toHaveFocus());

    // Asked again, Discard and open opens the example.
    await openExample(page, 'onboarding.json');
    const again = await page.findByRole('dialog', { name: 'Discard your unsaved changes?' });
    await userEvent.click(within(again).getByRole('button', { name: 'Discard and open' }));
    await waitFor(() =>
      expect(page.getByTestId('sequence-name')).toHaveTextContent(
        'Trial onboarding (behaviour-based)',
      ),
    );
    await expect(page.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(page.getByTestId('examples-button')).toHaveFocus());
  },
};

/** In Korean, with the keyboard alone: Tab to 버리고 열기, Enter. */
export const FileOverUnsavedChangesWithTheKeyboard: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await changedColdMail(page);
    const openButton = page.getByRole('button', { name: '파일 열기' });
    openButton.focus();
    await userEvent.upload(page.getByTestId('open-file-input'), sequenceFile('고른 파일'));
    const dialog = await page.findByRole('dialog', { name: '저장하지 않은 변경 사항을 버릴까요?' });
    await expect(dialog).toHaveTextContent('이 파일(picked.json)을 열면');
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: '계속 작업' })).toHaveFocus(),
    );
    await userEvent.tab();
    await expect(within(dialog).getByRole('button', { name: '버리고 열기' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    // The file is read and checked off the page's thread (a worker): it may take a moment.
    await waitFor(() => expect(page.getByTestId('sequence-name')).toHaveTextContent('고른 파일'), {
      timeout: 5000,
    });
    await expect(page.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(openButton).toHaveFocus());
  },
};

export const DroppedFileOverUnsavedChanges: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await changedColdMail(page);
    const transfer = new DataTransfer();
    transfer.items.add(sequenceFile('Dropped'));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    const dialog = await page.findByRole('dialog', { name: 'Discard your unsaved changes?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep working' }));
    await expect(page.getByTestId('sequence-name')).toHaveTextContent('My cold mail');
  },
};

export const NothingToLoseOpensAtOnce: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await openExample(page, 'cold-mail.json');
    await opened('cold-mail.json');
    await openExample(page, 'onboarding.json');
    await waitFor(() =>
      expect(page.getByTestId('sequence-name')).toHaveTextContent(
        'Trial onboarding (behaviour-based)',
      ),
    );
    await expect(page.queryByRole('dialog')).toBeNull();
  },
};

/** Saved on the server, then changed: the question says the server. */
export const ServerChangesNotSaved: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await changedColdMail(page);
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved'),
    );
    // Saved: opening another asks nothing; changed again: it asks, about the server.
    sequenceStore.getState().edit((s) => ({ sequence: { ...s, name: 'My cold mail 2' } }));
    await openExample(page, 'onboarding.json');
    const dialog = await page.findByRole('dialog', { name: 'Discard your unsaved changes?' });
    await expect(dialog).toHaveAttribute('data-testid', 'discard-changes-dialog');
    await expect(dialog).toHaveTextContent(
      '“My cold mail 2” has changes that are not saved on the server.',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep working' }));
  },
};
