import { SaveConflictDialog } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';

const meta = {
  title: 'Document/Save conflict dialog',
  component: SaveConflictDialog,
  parameters: { layout: 'fullscreen' },
  args: {
    conflict: { kind: 'changed', id: 'trial-follow-up', revision: 5 },
    busy: false,
    onChoose: fn(),
  },
} satisfies Meta<typeof SaveConflictDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

const dialogOf = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByTestId('save-conflict-dialog'));

/** 412: someone saved since; Overwrite asks to confirm first, and Back goes back. */
export const ChangedOnTheServer: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(
      dialog.getByRole('heading', { name: 'The draft changed on the server' }),
    ).toBeVisible();
    await expect(
      dialog.getByText(/it is now at revision 5\. Nothing was overwritten\./),
    ).toBeVisible();
    await expect(
      dialog.getByText(/Your copy is downloaded first, as trial-follow-up\.my-copy\.json\./),
    ).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Overwrite' }));
    await expect(args.onChoose).not.toHaveBeenCalled();
    await expect(dialog.getByText(/The changes saved there will be lost\./)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Yes, overwrite' })).toHaveFocus();
    await userEvent.click(dialog.getByRole('button', { name: 'Back' }));
    await expect(dialog.getByRole('button', { name: 'Overwrite' })).toHaveFocus();
    await userEvent.click(dialog.getByRole('button', { name: 'Overwrite' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Yes, overwrite' }));
    await expect(args.onChoose).toHaveBeenCalledWith('overwrite');
  },
};

export const LoadTheirs: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await userEvent.click(dialog.getByRole('button', { name: 'Load theirs' }));
    await expect(args.onChoose).toHaveBeenCalledWith('theirs');
  },
};

/** Escape is Cancel: the person keeps editing. */
export const EscapeCancels: Story = {
  play: async ({ canvasElement, args }) => {
    await dialogOf(canvasElement);
    await userEvent.keyboard('{Escape}');
    await expect(args.onChoose).toHaveBeenCalledWith('cancel');
  },
};

/** 409 in Korean: a new sequence whose id is taken, with a third way out. */
export const IdTakenKorean: Story = {
  globals: { locale: 'ko' },
  args: { conflict: { kind: 'exists', id: 'trial-follow-up' } },
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(dialog.getByRole('heading', { name: '서버에 이미 있는 ID입니다' })).toBeVisible();
    await expect(dialog.getAllByRole('button').map((b) => b.textContent)).toEqual([
      '서버 초안 불러오기',
      '덮어쓰기',
      '새 시퀀스로 저장',
      '취소',
    ]);
    await userEvent.click(dialog.getByRole('button', { name: '새 시퀀스로 저장' }));
    await expect(args.onChoose).toHaveBeenCalledWith('new_id');
  },
};

export const GoneWhileBusy: Story = {
  args: { conflict: { kind: 'gone', id: 'trial-follow-up' }, busy: true },
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(dialog.getByText(/is no longer on the server/)).toBeVisible();
    await expect(dialog.getByRole('status')).toHaveTextContent('Working…');
    for (const button of dialog.getAllByRole('button'))
      await expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(dialog.getByRole('button', { name: 'Save it again' }));
    await userEvent.keyboard('{Escape}');
    await expect(args.onChoose).not.toHaveBeenCalled();
  },
};
