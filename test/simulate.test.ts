import { expect, it } from 'vitest';
import { artifact } from './support/chromium.ts';
import { builderPage } from './support/page.ts';

/*
 * The Simulate panel end to end, through `pnpm start` in Chromium (issue 14 §4 and §8): the
 * cold-mail example simulated for the chosen sample contact, who replies on day 5; the panel's
 * timeline says so in the contact's local time, and the canvas shows the path she took and,
 * with the Time slider, where she was at each moment. Then "what if" for 200 contacts puts
 * counts on the steps. Core runs in the panel's Web Worker, as it would for a user.
 */

const builder = builderPage();

async function openColdMail() {
  const { page } = builder;
  await page.getByTestId('examples-button').click();
  await page.locator('[data-testid="example"][data-example="cold-mail.json"]').click();
  await expect.poll(() => builder.nodeIds()).toContain('check-engagement');
}

const onPath = (id: string) =>
  builder
    .node(id)
    .locator('[data-testid="step"]')
    .evaluate((el) => el.classList.contains('step--on-path'));

it('simulates a reply on day 5 and shows the path the contact took on the canvas', async () => {
  const { page } = builder;
  await openColdMail();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const panel = page.getByTestId('simulate-panel');
  const contact = panel.getByLabel('Contact', { exact: true });
  expect(
    await contact.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
  ).toMatch(/^김민지/);
  // Monday 5 January 2026, 10:00 in Seoul (the contact's zone, which the label names).
  await panel.getByLabel('Start (Asia/Seoul)').fill('2026-01-05T10:00');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await panel.getByLabel('Event 1', { exact: true }).selectOption('replied');
  await panel.getByLabel('On step (1)', { exact: true }).selectOption('guide');
  await panel.getByLabel('After (1)', { exact: true }).fill('5');
  await panel.getByLabel('Unit (1)', { exact: true }).selectOption('days');
  await panel.getByRole('button', { name: 'Run', exact: true }).click();

  const entries = panel.getByTestId('timeline-entry');
  await expect.poll(() => entries.count(), { timeout: 20_000 }).toBeGreaterThan(3);
  await expect
    .poll(() => panel.getByTestId('simulate-status').getAttribute('data-status'))
    .toBe('replied');
  const first = await entries.first().textContent();
  expect(first).toContain('2026-01-05 Mon 10:00');
  expect(first).toContain('send');
  const last = await entries.last().textContent();
  expect(last).toContain('replied — the contact replied (guide)');

  // The path: every step she went through, not the offer she never got.
  for (const id of ['start', 'welcome', 'wait-3d', 'guide', 'wait-6d'])
    await expect.poll(() => onPath(id)).toBe(true);
  expect(await onPath('offer')).toBe(false);
  await expect.poll(() => builder.node('wait-6d').getByTestId('step-here').count()).toBe(1);
  await page.screenshot({ path: artifact('simulate-reply-en.png') });

  // Time travel: back to the first moment, she is at the welcome email.
  const slider = panel.getByRole('slider', { name: 'Time' });
  await slider.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => builder.node('welcome').getByTestId('step-here').count()).toBe(1);
  expect(await onPath('guide')).toBe(false);

  // The document is untouched: nothing to undo.
  expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
});

it('what if: 200 contacts, their counts on the steps', async () => {
  const { page } = builder;
  await openColdMail();
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const panel = page.getByTestId('simulate-panel');
  await panel.getByRole('tab', { name: 'What if' }).click();
  await panel.getByLabel('Contacts', { exact: true }).fill('200');
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => panel.getByTestId('what-if-result').count(), { timeout: 30_000 }).toBe(1);
  const reached = (id: string) =>
    builder.node(id).getByTestId('step-reached').getAttribute('data-count');
  await expect.poll(() => reached('welcome')).toBe('200');
  expect(Number(await reached('offer'))).toBeLessThan(200);
  await page.screenshot({ path: artifact('simulate-what-if-en.png') });
});

it('simulates in Korean: the timeline in Korean words, local times in the contact’s zone', async () => {
  const { page } = builder;
  await openColdMail();
  await page.getByRole('button', { name: '한국어' }).click();
  await page.getByRole('button', { name: '시뮬레이션', exact: true }).click();
  const panel = page.getByTestId('simulate-panel');
  await panel.getByRole('button', { name: '실행', exact: true }).click();
  const entries = panel.getByTestId('timeline-entry');
  await expect.poll(() => entries.count(), { timeout: 20_000 }).toBeGreaterThan(3);
  expect(await panel.textContent()).toMatch(/[가-힣]/);
  await page.screenshot({ path: artifact('simulate-ko.png') });
});
