import { NewSequenceDialog, type NewSequenceDialogProps } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';

const meta = {
  title: 'Document/New sequence dialog',
  component: NewSequenceDialog,
  parameters: { layout: 'fullscreen' },
  args: {
    // The server's ids, a moment later; null in a story: no token, nothing to check against.
    loadTakenIds: (() =>
      new Promise<string[]>((resolve) =>
        setTimeout(() => resolve(['trial-follow-up', 'cold-mail']), 20),
      )) as NewSequenceDialogProps['loadTakenIds'],
    replacing: false,
    onCreate: fn(),
    onClose: fn(),
  },
} satisfies Meta<typeof NewSequenceDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

const dialogOf = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByTestId('new-sequence-dialog'));

/** The id follows the name, made unique among the server's, until it is edited. */
export const DerivedId: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(
      await dialog.findByText('Checked against the 2 sequences on the server.'),
    ).toBeVisible();
    const name = dialog.getByLabelText('Name');
    await expect(name).toHaveFocus();
    await userEvent.type(name, 'Trial follow-up');
    await expect(dialog.getByLabelText('ID')).toHaveValue('trial-follow-up-2');
    await userEvent.clear(dialog.getByLabelText('ID'));
    await userEvent.type(dialog.getByLabelText('ID'), 'cold-mail');
    await expect(dialog.getByLabelText('ID')).toHaveAttribute('aria-invalid', 'true');
    await expect(
      dialog.getByText('A sequence with this ID is already on the server.'),
    ).toBeVisible();
    await userEvent.type(dialog.getByLabelText('ID'), '-trial{Enter}');
    await expect(args.onCreate).toHaveBeenCalledWith('Trial follow-up', 'cold-mail-trial');
  },
};

export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { loadTakenIds: null, replacing: true },
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(dialog.getByRole('heading', { name: '새 시퀀스' })).toBeVisible();
    await expect(dialog.getByText(/아직 API 토큰이 없어 서버와 비교하지 않았습니다/)).toBeVisible();
    await expect(dialog.getByText(/저장되지 않은 변경 사항이 있으며/)).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: '만들기' }));
    await expect(dialog.getByText('시퀀스 이름을 입력하세요.')).toBeVisible();
    await expect(args.onCreate).not.toHaveBeenCalled();
    await userEvent.type(dialog.getByLabelText('이름'), '신규 가입 환영');
    // A Korean name gives its id in Latin letters (Revised Romanization).
    await expect(dialog.getByLabelText('ID')).toHaveValue('singyu-gaip-hwanyeong');
    await userEvent.clear(dialog.getByLabelText('ID'));
    await userEvent.type(dialog.getByLabelText('ID'), '가입-환영');
    await expect(dialog.getByText(/영문 소문자\(a–z\), 숫자, -, _ 만 쓰고/)).toBeVisible();
    await userEvent.clear(dialog.getByLabelText('ID'));
    await userEvent.type(dialog.getByLabelText('ID'), 'welcome-kr');
    await userEvent.click(dialog.getByRole('button', { name: '만들기' }));
    await expect(args.onCreate).toHaveBeenCalledWith('신규 가입 환영', 'welcome-kr');
  },
};

export const CancelReturnsNothing: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalled();
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await expect(args.onClose).toHaveBeenCalledTimes(2);
    await expect(args.onCreate).not.toHaveBeenCalled();
  },
};
