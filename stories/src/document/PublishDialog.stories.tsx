import { ApiFailure, PublishDialog } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  changesPreview,
  draft,
  firstPreview,
  later,
  movedResult,
  type PublishClient,
} from './publish-data.ts';

/** A client whose preview and publish answer as given (each a function, called per request). */
const client = (
  preview: () => ReturnType<PublishClient['preview']> extends Promise<infer P> ? P : never,
  publish: PublishClient['publish'],
): PublishClient => ({ preview: fn(() => later(preview)), publish: fn(publish) });

const meta = {
  title: 'Document/Publish dialog',
  component: PublishDialog,
  parameters: { layout: 'fullscreen' },
  args: {
    id: 'trial-follow-up',
    revision: 7,
    draft: draft as never,
    onClose: fn(),
    client: client(
      () => changesPreview,
      () => later(() => movedResult),
    ),
  },
} satisfies Meta<typeof PublishDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

const dialogOf = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByTestId('publish-dialog'));

export const FirstPublish: Story = {
  args: {
    client: client(
      () => firstPreview,
      () => later(() => ({ version: 1 })),
    ),
  },
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(
      await dialog.findByText(/Nothing is published yet: this makes version 1/),
    ).toBeVisible();
    await expect(dialog.queryByTestId('publish-move')).toBeNull();
    await userEvent.click(dialog.getByRole('button', { name: 'Publish version 1' }));
    await expect(await dialog.findByTestId('publish-result')).toHaveTextContent(
      'Version 1 is published.',
    );
    await expect(args.client.publish).toHaveBeenCalledWith('trial-follow-up', 7, undefined);
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await expect(args.onClose).toHaveBeenCalled();
  },
};

export const ChangesWithWaitingEnrollees: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(
      await dialog.findByText(
        'Changes against version 3, the published one. Publishing makes version 4.',
      ),
    ).toBeVisible();
    const removed = dialog.getByTestId('publish-removed');
    await expect(
      within(removed)
        .getAllByRole('listitem')
        .map((li) => li.dataset.stepId),
    ).toEqual(['wait', 'call']);
    await expect(removed).toHaveTextContent('Delay · wait — 3 days');
    await expect(removed).toHaveTextContent('12 enrollees wait here');
    await expect(dialog.getByTestId('publish-changed')).toHaveTextContent(
      'Email · welcome — 환영합니다changed: subject3 enrollees wait here',
    );
    await expect(dialog.getByTestId('publish-added')).toHaveTextContent('Delay · pause');
    await expect(dialog.getByTestId('publish-in-progress')).toHaveTextContent(
      '17 enrollees are going through the sequence now.',
    );
    await expect(dialog.getByTestId('publish-move')).toBeChecked();
    // The task's enrollees can only stay; the wait's can go to the draft's delay.
    await expect(dialog.getByTestId('publish-map-none')).toHaveTextContent('2 at Task · call');
    const map = dialog.getByLabelText('12 at Delay · wait — 3 days');
    await expect(
      within(map)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Stay on version 3 and finish its path', 'Move to Delay · pause — 1 day']);
    await userEvent.selectOptions(map, 'pause');
    await userEvent.click(dialog.getByRole('button', { name: 'Publish version 4' }));
    const result = await dialog.findByTestId('publish-result');
    await expect(args.client.publish).toHaveBeenCalledWith('trial-follow-up', 7, { wait: 'pause' });
    await expect(result).toHaveAttribute('data-version', '4');
    await expect(dialog.getByTestId('publish-moved')).toHaveTextContent(
      '15 enrollees moved to version 4.',
    );
    await expect(dialog.getByTestId('publish-stayed')).toHaveTextContent(
      '2 enrollees stayed on their versions:2 × step call is not in version 4, and no step was chosen for it',
    );
  },
};

export const EveryoneStays: Story = {
  args: {
    client: client(
      () => changesPreview,
      () => later(() => ({ version: 4 })),
    ),
  },
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await userEvent.click(await dialog.findByTestId('publish-move'));
    await expect(dialog.getByText(/Unticked, everyone finishes on the version/)).toBeVisible();
    await expect(dialog.queryByTestId('publish-map')).toBeNull();
    await userEvent.click(dialog.getByRole('button', { name: 'Publish version 4' }));
    await expect(await dialog.findByTestId('publish-result')).toHaveTextContent(
      'Enrollees already in the sequence stay on their versions; new enrollments start on version 4.',
    );
    await expect(args.client.publish).toHaveBeenCalledWith('trial-follow-up', 7, undefined);
  },
};

/** What fails now: the story's play function turns each failure off when it has been seen. */
const trouble = { preview: true, publish: true };

export const Errors: Story = {
  beforeEach: () => {
    trouble.preview = true;
    trouble.publish = true;
  },
  args: {
    client: client(
      () => {
        if (trouble.preview) throw new ApiFailure('offline', 'Failed to fetch');
        return changesPreview;
      },
      () =>
        later(() => {
          if (trouble.publish)
            throw new ApiFailure('draft_changed', 'the draft changed', 412, 'draft_changed');
          return movedResult;
        }),
    ),
  },
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    const problem = await dialog.findByTestId('publish-problem');
    await expect(problem).toHaveTextContent(
      'What would change could not be read: no answer from the server (the connection dropped)',
    );
    await expect(dialog.getByRole('button', { name: 'Publish version 1' })).toBeDisabled();
    trouble.preview = false;
    await userEvent.click(dialog.getByRole('button', { name: 'Try again' }));
    await userEvent.click(await dialog.findByRole('button', { name: 'Publish version 4' }));
    await expect(await dialog.findByTestId('publish-problem')).toHaveTextContent(
      'Not published: the draft changed on the server since this was read.',
    );
    trouble.publish = false;
    await userEvent.click(dialog.getByRole('button', { name: 'Read again' }));
    await waitFor(() => expect(dialog.queryByTestId('publish-problem')).toBeNull());
    await userEvent.click(await dialog.findByRole('button', { name: 'Publish version 4' }));
    await expect(await dialog.findByTestId('publish-result')).toBeVisible();
  },
};

export const SavedSinceElsewhere: Story = {
  args: { revision: 6 },
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(await dialog.findByTestId('publish-problem')).toHaveTextContent(
      'The draft on the server is at revision 7, not the one you saved (revision 6)',
    );
    await expect(dialog.getByRole('button', { name: 'Publish version 4' })).toBeDisabled();
  },
};

export const Korean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(
      await dialog.findByRole('heading', { name: '“체험판 후속 안내” 게시' }),
    ).toBeVisible();
    await expect(await dialog.findByRole('heading', { name: '삭제된 단계 (2)' })).toBeVisible();
    await expect(dialog.getByTestId('publish-removed')).toHaveTextContent(
      '대기 · wait — 3일12명이 여기서 기다리는 중',
    );
    await expect(dialog.getByTestId('publish-in-progress')).toHaveTextContent(
      '지금 17명이 시퀀스를 진행 중입니다.',
    );
    await expect(dialog.getByText('진행 중인 등록자를 버전 4(으)로 옮기기')).toBeVisible();
    const map = dialog.getByLabelText('대기 · wait — 3일에 있는 12명');
    await userEvent.selectOptions(map, 'pause');
    await userEvent.click(dialog.getByRole('button', { name: '버전 4 게시' }));
    await expect(await dialog.findByTestId('publish-moved')).toHaveTextContent(
      '15명을 버전 4(으)로 옮겼습니다.',
    );
    await expect(dialog.getByTestId('publish-stayed')).toHaveTextContent(
      '2명 × 단계 call이(가) 버전 4에 없고, 옮길 단계를 고르지 않았습니다',
    );
    await expect(args.client.publish).toHaveBeenCalledWith('trial-follow-up', 7, { wait: 'pause' });
  },
};
