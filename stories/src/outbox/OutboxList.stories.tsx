import { OutboxList } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { entries } from './mail.ts';

const meta = {
  title: 'Outbox/List',
  component: OutboxList,
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ width: 380, height: 360, display: 'grid', border: '1px solid #e2e8f0' }}>
        <Story />
      </div>
    ),
  ],
  args: { entries, selectedId: 42, onSelect: fn() },
} satisfies Meta<typeof OutboxList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const CapturedMail: Story = {
  play: async ({ canvasElement, args }) => {
    const list = within(canvasElement);
    const items = list.getAllByTestId('outbox-entry');
    await expect(items.map((i) => i.dataset.id)).toEqual(['42', '41']);
    await expect(items[0]).toHaveTextContent('김민준님, 한빛물류 팀을 위한 10분 시작 가이드');
    await expect(items[0]).toHaveTextContent('김민준 <minjun@hanbit.example>');
    await expect(items[0]).toHaveAttribute('aria-current', 'true');
    await expect(items[1]).toHaveTextContent('(no subject)');
    await expect(items[1]?.querySelector('time')).toHaveAttribute(
      'datetime',
      '2026-01-12T00:00:00.000Z',
    );
    await userEvent.click(items[1] as HTMLElement);
    await expect(args.onSelect).toHaveBeenCalledWith(41);
  },
};

export const NothingCapturedKorean: Story = {
  globals: { locale: 'ko' },
  args: { entries: [] },
  play: async ({ canvasElement }) => {
    const empty = within(canvasElement).getByTestId('outbox-empty');
    await expect(empty).toHaveTextContent('보관된 메일이 아직 없습니다.');
    await expect(empty).toHaveTextContent('SMTP_URL');
  },
};

export const LoadingFailed: Story = {
  args: { entries: null, error: 'HTTP 502', onRetry: fn() },
  play: async ({ canvasElement, args }) => {
    const list = within(canvasElement);
    await expect(list.getByRole('alert')).toHaveTextContent(
      'The outbox could not be loaded: HTTP 502',
    );
    await userEvent.click(list.getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};
