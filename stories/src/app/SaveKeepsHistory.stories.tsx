import { App } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { freshPage, openExample, opened } from './page-support.ts';

/**
 * Save and Publish keep the undo history: right after Save, Undo undoes the last edit and the
 * header says the changes are unsaved again; what is typed after Save is its own undo step,
 * so undoing it comes back to the very document saved (Saved again). The whole page, against
 * the sequences API in memory.
 */
const meta = {
  title: 'Editor/Page/Save keeps the undo history',
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

/** Opens the sequence settings (the panel stays open from one story to the next). */
async function openSettings(button: HTMLElement) {
  if (button.getAttribute('aria-pressed') !== 'true') await userEvent.click(button);
}

/** Opens the cold-mail example and its sequence settings; returns the page and the Name field. */
async function coldMailWithSettings(canvasElement: HTMLElement) {
  const page = within(canvasElement);
  await openExample(page, 'cold-mail.json');
  await opened('cold-mail.json');
  await waitFor(() =>
    expect(canvasElement.querySelectorAll('.react-flow__node').length).toBeGreaterThan(3),
  );
  await openSettings(page.getByRole('button', { name: 'Sequence settings' }));
  const name = await page.findByLabelText('Name');
  return { page, name: name as HTMLInputElement };
}

export const UndoRightAfterSave: Story = {
  play: async ({ canvasElement }) => {
    const { page, name } = await coldMailWithSettings(canvasElement);
    const original = name.value;
    const status = page.getByTestId('save-status');
    const undo = page.getByRole('button', { name: 'Undo' });
    await userEvent.type(name, ' v2');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'saved'));
    await expect(undo).toBeEnabled();

    // Typing on in the same field, then Undo: back to the document saved, which reads Saved.
    await userEvent.type(name, '!');
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'unsaved'));
    await userEvent.click(undo);
    await waitFor(() => expect(name).toHaveValue(`${original} v2`));
    await expect(status).toHaveAttribute('data-state', 'saved');
    await expect(status).toHaveTextContent('Saved');

    // Once more: the edit before Save is undone, and the header says so.
    await userEvent.click(undo);
    await waitFor(() => expect(name).toHaveValue(original));
    await expect(status).toHaveAttribute('data-state', 'unsaved');
    await expect(status).toHaveTextContent('Unsaved changes');
    await expect(page.getByTestId('sequence-name')).toHaveTextContent(original);
  },
};

export const UndoAfterPublish: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await openExample(page, 'cold-mail.json');
    await opened('cold-mail.json');
    await openSettings(await page.findByRole('button', { name: '시퀀스 설정' }));
    const name = (await page.findByLabelText('이름')) as HTMLInputElement;
    const original = name.value;
    await userEvent.type(name, ' 2');
    // Publish saves first, then publishes version 1.
    await userEvent.click(page.getByRole('button', { name: '게시' }));
    const dialog = within(await page.findByTestId('publish-dialog'));
    await userEvent.click(await dialog.findByRole('button', { name: '버전 1 게시' }));
    await dialog.findByTestId('publish-result');
    await userEvent.click(dialog.getByRole('button', { name: '완료' }));
    const undo = page.getByRole('button', { name: '실행 취소' });
    await expect(undo).toBeEnabled();
    await userEvent.click(undo);
    await waitFor(() => expect(name).toHaveValue(original));
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'unsaved');
  },
};
