import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { artifact } from './support/chromium.ts';
import { builderPage } from './support/page.ts';

/**
 * Editing a sequence on the canvas through the real `pnpm start`: the step settings panel,
 * deleting with the keyboard, undo and redo, the sequence settings. Any page error fails.
 */
const example = (name: string) =>
  fileURLToPath(new URL(`../schema/examples/${name}.json`, import.meta.url));

const builder = builderPage();
const { node: step, nodeIds, errorCount } = builder;

async function openOnboarding() {
  const { page } = builder;
  await page.setInputFiles('[data-testid="open-file-input"]', example('onboarding'));
  await expect.poll(nodeIds).toHaveLength(13);
}

describe('editing on the canvas, served by pnpm start', () => {
  it('edits a step in its settings panel: the card and the problems follow as you type, one undo takes the typing back', async () => {
    const { page } = builder;
    await openOnboarding();
    await step('welcome').click();
    const panel = builder.panel();
    await panel.waitFor();
    const subject = panel.getByLabel('Subject', { exact: true });
    await subject.fill('');
    // No subject: a reply in the thread, and the first email has no thread to reply to.
    await expect
      .poll(() => panel.getByTestId('field-problem').first().getAttribute('data-code'))
      .toBe('thread_without_email');
    await expect.poll(errorCount).toBe('1 error');
    await subject.pressSequentially('Hello from the builder');
    await expect.poll(() => step('welcome').textContent()).toContain('Hello from the builder');
    await expect.poll(errorCount).toBe('0 errors');
    await page.screenshot({ path: artifact('builder-step-settings.png') });

    // Emptying the field and typing were edits of one field in a row: one undo takes them back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => subject.inputValue()).toContain('Welcome to Nudge');
    await expect.poll(errorCount).toBe('0 errors');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => subject.inputValue()).toBe('Hello from the builder');
  });

  it('deletes a step with the keyboard, bridging its path, and undoes it', async () => {
    const { page } = builder;
    await openOnboarding();
    await step('tips').click();
    await page.keyboard.press('Delete');
    await expect.poll(nodeIds).toHaveLength(12);
    expect(await nodeIds()).not.toContain('tips');
    // The condition's "no" branch now leads straight on to the split.
    const edge = page.locator('.react-flow__edge[data-id]').filter({ has: page.locator('path') });
    expect(await edge.count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+z');
    await expect.poll(nodeIds).toHaveLength(13);
  });

  it('refuses to delete the entry, saying why', async () => {
    const { page } = builder;
    await openOnboarding();
    await step('start').click();
    await page.keyboard.press('Delete');
    const refusal = page.getByTestId('refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('entry_kept');
    expect(await refusal.textContent()).toContain('can’t be deleted');
    await expect.poll(nodeIds).toHaveLength(13);
  });

  it('changes the time zone in the sequence settings, in Korean too', async () => {
    const { page } = builder;
    await openOnboarding();
    await page.getByRole('button', { name: 'Sequence settings' }).click();
    const panel = page.getByRole('region', { name: 'Sequence settings' });
    await panel.waitFor();
    const zone = panel.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('seoul');
    await page
      .getByRole('option', { name: /Asia\/Seoul/ })
      .first()
      .click();
    await expect.poll(() => zone.inputValue()).toBe('Asia/Seoul');
    await page.getByTestId('language-ko').click();
    const korean = page.getByRole('region', { name: '시퀀스 설정' });
    await korean.waitFor();
    await page.screenshot({ path: artifact('builder-sequence-settings-ko.png') });
    await page.getByRole('button', { name: '실행 취소' }).click();
    await expect
      .poll(() => korean.getByRole('combobox').first().inputValue())
      .toBe('America/New_York');
  });
});
