import { MessageView } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { message } from './mail.ts';

const meta = {
  title: 'Outbox/Message',
  component: MessageView,
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div style={{ width: 720 }}>
        <Story />
      </div>
    ),
  ],
  args: { message },
} satisfies Meta<typeof MessageView>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The HTML body in a sandboxed frame, with nothing of it that would reach the network or run. */
export const HtmlInASandbox: Story = {
  play: async ({ canvasElement }) => {
    const view = within(canvasElement);
    await expect(view.getByTestId('message-subject')).toHaveTextContent(
      '김민준님, 한빛물류 팀을 위한 10분 시작 가이드',
    );
    await expect(view.getByText('이서연 <seoyeon@hanbit.example>')).toBeVisible();
    await expect(view.getByText('guide in cold-mail')).toBeVisible();
    const frame = view.getByTestId('message-html') as HTMLIFrameElement;
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(frame).toHaveAttribute('title', 'The HTML body of the message');
    const srcdoc = frame.getAttribute('srcdoc') ?? '';
    await expect(srcdoc).toContain('김민준님, 안녕하세요.');
    await expect(srcdoc).toContain('href="https://nudge.example/t/c/abc"');
    await expect(srcdoc).toContain('Content-Security-Policy');
    await expect(srcdoc).not.toMatch(/<script|<link|t\/o\/abc\.gif|cdn\.example/);
    // Sandboxed without allow-same-origin: the page can't reach into it, nor it into the page.
    await expect(frame.contentDocument).toBeNull();
    await expect(document.title).not.toBe('ran');
    await expect(view.getByText(/1 remote image is not shown/)).toBeVisible();
    await userEvent.click(view.getByTestId('message-part-text'));
    await expect(view.getByTestId('message-text')).toHaveTextContent(
      '한빛물류 팀을 위한 시작 가이드를 보내 드립니다.',
    );
    await expect(view.queryByTestId('message-html')).toBeNull();
  },
};

export const TextOnlyKorean: Story = {
  globals: { locale: 'ko' },
  args: { message: { ...message, html: null } },
  play: async ({ canvasElement }) => {
    const view = within(canvasElement);
    await expect(view.getByText('받는 사람')).toBeVisible();
    await expect(view.getByText('보낸 사람')).toBeVisible();
    await expect(view.getByText('참조')).toBeVisible();
    await expect(view.getByTestId('message-text')).toHaveTextContent('김민준님, 안녕하세요.');
    await userEvent.click(view.getByTestId('message-part-html'));
    await expect(view.getByText('이 메일에는 HTML 본문이 없습니다.')).toBeVisible();
  },
};
