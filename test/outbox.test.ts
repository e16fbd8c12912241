import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifact, launchChromium } from './support/chromium.ts';

/*
 * The captured-mail outbox end to end: a sequence imported, published and enrolled through the
 * API of `pnpm start`, its email sent by the server's own worker (no SMTP_URL: captured), then
 * read in the editor in Chromium.
 */

const baseUrl = inject('baseUrl');
const token = inject('apiToken');
const SUBJECT = '김민준님, 보낸 메일함에서 확인하는 메일입니다';
const BODY = '한빛물류 팀께 드리는 시작 안내입니다.';

const sequence = {
  format: 'nudge.sequence/v1',
  id: 'outbox-e2e',
  name: '보낸 메일함 확인',
  settings: { sender: { name: '넛지 김지훈', email: 'jihoon@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'welcome',
      type: 'email',
      data: {
        subject: '{{고객명}}님, 보낸 메일함에서 확인하는 메일입니다',
        body: `<p>${BODY}</p><p><a href="https://nudge.example/start">시작하기</a></p>`,
        format: 'html',
        mode: 'auto',
      },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'welcome' }],
};

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.close();
  expect(pageErrors).toEqual([]);
});

describe('the outbox, with pnpm start capturing mail', () => {
  it('shows the email the worker captured: its Korean subject in the list, its body when opened', async () => {
    expect((await api('POST', '/api/sequences', sequence)).status).toBe(201);
    expect((await api('POST', '/api/sequences/outbox-e2e/publish', {})).status).toBe(200);
    const contacts = await api('POST', '/api/contacts', {
      contacts: [{ id: 'outbox-e2e-minjun', email: 'minjun@hanbit.example', name: '김민준' }],
    });
    expect(contacts.status).toBe(200);
    const enrolled = await api('POST', '/api/sequences/outbox-e2e/enrollments', {
      contactIds: ['outbox-e2e-minjun'],
    });
    expect(enrolled.json).toEqual({ enrolled: 1, skipped: [] });

    let captured: { id: number; subject: string } | undefined;
    await expect
      .poll(
        async () => {
          const outbox = await api('GET', '/api/outbox');
          captured = (
            outbox.json as Array<{ id: number; subject: string; sequenceId?: string }>
          ).find((m) => m.sequenceId === 'outbox-e2e');
          return captured?.subject;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(SUBJECT);

    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(baseUrl);
    await page.getByTestId('outbox-button').click();
    const form = page.getByTestId('token-form');
    await expect.poll(() => form.textContent()).toContain('NUDGE_BOOTSTRAP_TOKEN');
    await page.getByTestId('token-input').fill(token);
    await page.getByTestId('token-input').press('Enter');

    const entry = page.locator(`[data-testid="outbox-entry"][data-id="${captured?.id}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain(SUBJECT);
    expect(await entry.textContent()).toContain('김민준 <minjun@hanbit.example>');
    await entry.click();
    await expect.poll(() => page.getByTestId('message-subject').textContent()).toBe(SUBJECT);
    const body = page.frameLocator('[data-testid="message-html"]').locator('body');
    await expect.poll(() => body.textContent()).toContain(BODY);
    // The open-tracking pixel was not loaded: viewing the outbox is not an open.
    expect(await page.getByTestId('outbox-message').textContent()).toContain(
      '1 remote image is not shown',
    );
    await page.screenshot({ path: artifact('outbox.png') });

    await page.getByTestId('message-part-text').click();
    expect(await page.getByTestId('message-text').textContent()).toContain(BODY);

    // In Korean, after a reload: the token is kept, so the list shows without asking again.
    await page.getByTestId('outbox-close').click();
    await page.getByTestId('language-ko').click();
    await page.reload();
    await page.getByTestId('outbox-button').click();
    expect(await page.getByTestId('outbox').getByRole('heading', { level: 2 }).textContent()).toBe(
      '보낸 메일함',
    );
    await entry.click();
    await expect
      .poll(() => page.getByTestId('outbox-message').textContent())
      .toContain('받는 사람');
    expect(await page.getByTestId('token-form').count()).toBe(0);

    const stats = await api('GET', '/api/sequences/outbox-e2e/stats');
    expect(stats.json.nodes).toContainEqual(
      expect.objectContaining({ node: 'welcome', sent: 1, opened: 0 }),
    );
  });
});
