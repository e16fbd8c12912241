import { App, documentLife, sequenceStore } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { freshPage } from './page-support.ts';

/**
 * The header at 1280 px with a long name: the name ends in an ellipsis, the whole of it stays
 * the heading's title and accessible name, and the bar still fits (nothing runs past its edge,
 * the toolbar wraps whole buttons, the save state shows whole), in English and in Korean.
 */
const WIDTH = 1280;

const meta = {
  title: 'Editor/Page/Long name in the header',
  component: App,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ width: WIDTH, height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
  beforeEach: freshPage,
} satisfies Meta<typeof App>;
export default meta;
type Story = StoryObj<typeof meta>;

const entry = { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } };
// As long as a sequence id may be (64 characters).
const serverId = 'enterprise-renewal-follow-up-for-accounts-with-expiring-contract';

/** Opens a sequence named `name`, as from the server, with a change not saved. */
function openLong(name: string) {
  documentLife.open(
    `${serverId}.json`,
    { format: 'nudge.sequence/v1', id: serverId, name, nodes: [entry], edges: [] },
    { origin: { id: serverId, revision: 4 }, saved: true },
  );
  sequenceStore.getState().edit((s) => ({ sequence: { ...s, description: 'changed' } }));
}

/** The bar fits: every part of it within its box, the name cut but readable. */
async function expectFits(canvasElement: HTMLElement, name: string) {
  const page = within(canvasElement);
  const bar = canvasElement.querySelector('header.app__bar') as HTMLElement;
  const heading = page.getByTestId('sequence-name');
  await waitFor(() => expect(heading).toHaveTextContent(name));
  // The whole name: the heading's text (its accessible name) and its title.
  await expect(page.getByRole('heading', { level: 1, name })).toBe(heading);
  await expect(heading).toHaveAttribute('title', name);
  // Cut with an ellipsis, yet a good part of it shows.
  await expect(heading.scrollWidth).toBeGreaterThan(heading.clientWidth);
  await expect(getComputedStyle(heading).textOverflow).toBe('ellipsis');
  await expect(heading.getBoundingClientRect().width).toBeGreaterThan(240);

  const box = bar.getBoundingClientRect();
  await expect(box.width).toBeLessThanOrEqual(WIDTH);
  await expect(bar.scrollWidth).toBeLessThanOrEqual(bar.clientWidth);
  const parts = [
    ...bar.querySelectorAll<HTMLElement>('button, .save-status, .heading__file, .app__brand'),
  ];
  await expect(parts.length).toBeGreaterThan(10);
  for (const part of parts) {
    const r = part.getBoundingClientRect();
    const label = part.textContent ?? '';
    await expect(r.left, label).toBeGreaterThanOrEqual(box.left);
    await expect(r.right, label).toBeLessThanOrEqual(box.right + 0.5);
    await expect(r.bottom, label).toBeLessThanOrEqual(box.bottom + 0.5);
  }
  // The save state and the buttons show whole, never cut.
  for (const part of bar.querySelectorAll<HTMLElement>('button, .save-status'))
    await expect(part.scrollWidth, part.textContent ?? '').toBeLessThanOrEqual(part.clientWidth);
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-state', 'unsaved');
  // The server id, cut too when long, keeps its whole text in its title.
  const origin = page.getByTestId('server-id');
  await expect(origin.getAttribute('title')).toContain(serverId);
}

export const English: Story = {
  play: async ({ canvasElement }) => {
    const name =
      'Enterprise renewal follow-up for accounts whose annual contract expires within the next ninety days, with a call task for the account owner';
    openLong(name);
    await expectFits(canvasElement, name);
  },
};

export const Korean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const name =
      '연간 계약 만료 90일 전 엔터프라이즈 고객 갱신 안내: 담당자 통화 과제와 카카오 알림톡, 문자 대체 발송까지 포함한 후속 시퀀스';
    openLong(name);
    await expectFits(canvasElement, name);
  },
};

/** A short name keeps one row: where it comes from and its state beside it, nothing cut. */
export const ShortNameOneRow: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    documentLife.open('cold-mail.json', {
      format: 'nudge.sequence/v1',
      name: '콜드메일',
      nodes: [entry],
      edges: [],
    });
    const heading = page.getByTestId('sequence-name');
    await waitFor(() => expect(heading).toHaveTextContent('콜드메일'));
    await expect(heading).toHaveAttribute('title', '콜드메일');
    await expect(heading.scrollWidth).toBeLessThanOrEqual(heading.clientWidth);
    const file = page.getByTestId('file-name');
    await expect(file).toHaveAttribute('title', '파일: cold-mail.json');
    const row = (el: HTMLElement) => el.getBoundingClientRect().top;
    await expect(Math.abs(row(file) - row(heading))).toBeLessThan(8);
    await expect(Math.abs(row(page.getByTestId('save-status')) - row(heading))).toBeLessThan(8);
  },
};
