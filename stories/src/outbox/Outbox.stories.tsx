import { Outbox, type OutboxClient, TokenRefusedError } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { entries, message } from './mail.ts';

/**
 * The API, played by a function: only `demo-token` gets in. It answers a moment later, as a
 * server does, so that the answers land while the play function waits for them.
 */
const later = <T,>(answer: () => T) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(answer());
      } catch (error) {
        reject(error);
      }
    }, 20),
  );
const clientFor = (token: string): OutboxClient => ({
  list: () =>
    later(() => {
      if (token !== 'demo-token') throw new TokenRefusedError('the bearer token is not valid');
      return { entries, next: null };
    }),
  message: () => later(() => message),
});

const meta = {
  title: 'Outbox/Outbox',
  component: Outbox,
  parameters: { layout: 'fullscreen' },
  args: { onClose: fn(), clientFor },
  // The token is kept in localStorage: every story starts without one.
  beforeEach: () => {
    localStorage.removeItem('nudge.apiToken');
  },
} satisfies Meta<typeof Outbox>;
export default meta;
type Story = StoryObj<typeof meta>;

export const TokenThenMail: Story = {
  play: async ({ canvasElement, args }) => {
    const page = within(canvasElement);
    await expect(page.getByTestId('token-form')).toHaveTextContent('NUDGE_BOOTSTRAP_TOKEN');
    await userEvent.type(page.getByLabelText('API token'), 'wrong-token{Enter}');
    await expect(await page.findByTestId('token-refused')).toHaveTextContent('was refused');
    await userEvent.type(page.getByLabelText('API token'), 'demo-token{Enter}');
    const first = (await page.findAllByTestId('outbox-entry'))[0] as HTMLElement;
    await userEvent.click(first);
    await waitFor(() =>
      expect(page.getByTestId('message-subject')).toHaveTextContent(
        '김민준님, 한빛물류 팀을 위한 10분 시작 가이드',
      ),
    );
    await expect(localStorage.getItem('nudge.apiToken')).toBe('demo-token');
    await userEvent.click(page.getByTestId('outbox-forget-token'));
    await expect(page.getByTestId('token-form')).toBeVisible();
    await expect(localStorage.getItem('nudge.apiToken')).toBeNull();
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalled();
  },
};

export const Korean: Story = {
  globals: { locale: 'ko' },
  beforeEach: () => {
    localStorage.setItem('nudge.apiToken', 'demo-token');
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(page.getByRole('heading', { level: 2 })).toHaveTextContent('보낸 메일함');
    const entry = (await page.findAllByTestId('outbox-entry'))[0] as HTMLElement;
    await expect(entry).toHaveTextContent('김민준님, 한빛물류 팀을 위한 10분 시작 가이드');
    await expect(page.getByText('읽을 메일을 고르세요.')).toBeVisible();
  },
};
