import { App } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { openWelcome, previewPage, previewStep } from './preview-page.ts';

/**
 * The Send test dialog of the Preview: its server answered in the browser (window.fetch), the
 * way POST /api/sequences/:id/test-send answers: sent, refused for too many tests in a minute,
 * and the document not on the server at all; in English and in Korean.
 */
type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const sent: Array<{ url: string; body: unknown }> = [];

function answerTestSends(answer: Answer) {
  const real = window.fetch;
  window.fetch = async (input, init) => {
    const url = String(input);
    if (!url.includes('/test-send')) return real(input, init);
    sent.push({ url, body: JSON.parse(String(init?.body)) });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return () => {
    window.fetch = real;
  };
}

const meta = {
  title: 'Editor/Preview/Send test',
  component: App,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ width: 1400, height: 900 }}>
        <Story />
      </div>
    ),
  ],
  beforeEach: () => {
    sent.length = 0;
    return previewPage();
  },
} satisfies Meta<typeof App>;
export default meta;
type Story = StoryObj<typeof meta>;

async function openDialog(canvasElement: HTMLElement, open = 'Send test…') {
  const preview = await previewStep(
    canvasElement,
    'hello',
    open === 'Send test…' ? 'Preview' : '미리 보기',
  );
  await userEvent.click(await preview.findByRole('button', { name: open }));
  return within(await within(canvasElement.ownerDocument.body).findByTestId('test-send-dialog'));
}

export const Sent: Story = {
  play: async ({ canvasElement }) => {
    const restore = answerTestSends({
      status: 200,
      body: {
        id: 't1',
        channel: 'email',
        to: 'me@nudge.example',
        subject: '[TEST] 김민지님, 안녕하세요',
        warnings: [],
      },
    });
    try {
      openWelcome(true);
      const dialog = await openDialog(canvasElement);
      // The dialog offers the address last typed: a new one replaces it.
      await userEvent.clear(dialog.getByLabelText('Send to (email address)'));
      await userEvent.type(dialog.getByLabelText('Send to (email address)'), 'me@nudge.example');
      await userEvent.click(dialog.getByRole('button', { name: 'Send test' }));
      await waitFor(() =>
        expect(dialog.getByRole('status')).toHaveTextContent(
          'Sent to me@nudge.example with the subject “[TEST] 김민지님, 안녕하세요”.',
        ),
      );
      await expect(sent[0]?.url).toContain('/api/sequences/welcome/test-send');
      await expect(sent[0]?.body).toMatchObject({
        node: 'hello',
        to: 'me@nudge.example',
        contact: { id: 'sample-kim', name: '김민지' },
      });
    } finally {
      restore();
    }
  },
};

export const TooManyInAMinute: Story = {
  play: async ({ canvasElement }) => {
    const restore = answerTestSends({
      status: 429,
      body: { error: { code: 'too_many_test_sends', message: 'too many test sends' } },
      headers: { 'retry-after': '42' },
    });
    try {
      openWelcome(true);
      const dialog = await openDialog(canvasElement);
      // The dialog offers the address last typed: a new one replaces it.
      await userEvent.clear(dialog.getByLabelText('Send to (email address)'));
      await userEvent.type(dialog.getByLabelText('Send to (email address)'), 'me@nudge.example');
      await userEvent.click(dialog.getByRole('button', { name: 'Send test' }));
      await waitFor(() =>
        expect(dialog.getByRole('alert')).toHaveTextContent(
          'Too many tests in a minute: try again in 42 s.',
        ),
      );
    } finally {
      restore();
    }
  },
};

export const NotOnTheServer: Story = {
  play: async ({ canvasElement }) => {
    openWelcome(false);
    const dialog = await openDialog(canvasElement);
    await expect(dialog.getByRole('alert')).toHaveTextContent('save it to the server first');
    await expect(dialog.queryByRole('button', { name: 'Send test' })).toBeNull();
  },
};

export const InKorean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    openWelcome(true);
    const dialog = await openDialog(canvasElement, '테스트 발송…');
    await expect(dialog.getByLabelText('받을 이메일 주소')).toBeVisible();
    await expect(dialog.getByRole('button', { name: '테스트 보내기' })).toBeVisible();
  },
};
