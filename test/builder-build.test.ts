import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSequence } from '@nudge/schema';
import { describe, expect, inject, it } from 'vitest';
import { artifact } from './support/chromium.ts';
import { builderPage } from './support/page.ts';

/**
 * A marketer who has never seen Nudge builds a branching sequence from nothing, through the
 * real `pnpm start` in Chromium: entry → email → wait for the email to be opened (3 days) →
 * met: an AlimTalk with an SMS fallback; timeout: a follow-up in the thread → a call task.
 * With the mouse alone; then saves, publishes, exports and imports the export again, byte for
 * byte. The same sequence with the keyboard alone, in Korean: builder-keyboard.test.ts. Any
 * page error fails.
 */
const builder = builderPage();
const {
  palette,
  panel,
  node,
  nodeIds,
  errorCount,
  newSequence,
  typeInto,
  exported,
  saveWithToken,
} = builder;

describe('building a sequence from nothing, served by pnpm start', () => {
  it('with the mouse alone: branches, every field filled, saved, published, exported and imported byte for byte', async () => {
    const { page } = builder;
    const name = `Trial follow-up ${Date.now()}`;
    await newSequence(name);

    await node('start').click();
    await palette().getByRole('button', { name: 'Email' }).click();
    await expect.poll(nodeIds).toEqual(['start', 'email-1']);
    await panel().getByLabel('Subject', { exact: true }).fill('Welcome, {{ contact.name }}');
    await typeInto('Body', 'Your trial is ready.');

    await palette().getByRole('button', { name: 'Wait for' }).click();
    await panel().getByLabel('Of the message').selectOption({ label: 'email-1 (Email)' });
    await panel().getByLabel('Amount').fill('3');

    // The first free handle of the wait is "met": the AlimTalk goes there.
    await palette().getByRole('button', { name: 'AlimTalk' }).click();
    await panel().getByLabel('Template code').fill('WELCOME_01');
    await typeInto('Text', '#{고객명}님, 체험이 시작되었습니다.');
    await typeInto('Fallback SMS', '체험이 시작되었습니다.');

    // Back to the wait: its next free handle is "timeout".
    await node('wait-for-1').click();
    await palette().getByRole('button', { name: 'Email' }).click();
    await expect.poll(nodeIds).toContain('email-2');
    // No subject: a reply in the thread of the first email.
    await panel().getByLabel('Subject', { exact: true }).fill('');
    await typeInto('Body', 'Just checking in: did you see my last email?');

    await palette().getByRole('button', { name: 'Task' }).click();
    await panel().getByLabel('Title').fill('Call {{ contact.name }}');

    await expect
      .poll(nodeIds)
      .toEqual(['start', 'email-1', 'wait-for-1', 'kakao-1', 'email-2', 'task-1']);
    await expect.poll(errorCount).toBe('0 errors');
    await page.screenshot({ path: artifact('builder-built-by-mouse.png') });

    // Undo and redo the last field, then reload: the working copy is kept in the browser.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel().getByLabel('Title').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect
      .poll(() => panel().getByLabel('Title').inputValue())
      .toBe('Call {{ contact.name }}');
    const before = await exported();
    await page.reload();
    await expect.poll(nodeIds).toHaveLength(6);
    expect((await exported()).text).toBe(before.text);

    // Save with the API token the Outbox also uses, then publish version 1.
    await saveWithToken();
    await page.getByRole('button', { name: 'Publish' }).click();
    const publish = page.getByTestId('publish-dialog');
    await publish.getByRole('button', { name: 'Publish version 1' }).click();
    await expect
      .poll(() => publish.getByTestId('publish-result').getAttribute('data-version'))
      .toBe('1');
    await page.screenshot({ path: artifact('builder-published.png') });
    await publish.getByRole('button', { name: 'Done' }).click();

    // The export is the canonical text, and what the API exports.
    const file = await exported();
    const id = JSON.parse(file.text).id as string;
    expect(file.name).toBe(`${id}.json`);
    expect(file.text).toBe(writeSequence(JSON.parse(file.text)));
    const api = await fetch(new URL(`/api/sequences/${id}/export`, inject('baseUrl')), {
      headers: { authorization: `Bearer ${inject('apiToken')}` },
    });
    expect(await api.text()).toBe(file.text);

    // Import the export and export again: byte for byte the same.
    const copy = join(mkdtempSync(join(tmpdir(), 'nudge-import-')), file.name);
    writeFileSync(copy, file.text);
    await page.setInputFiles('[data-testid="open-file-input"]', copy);
    await expect.poll(nodeIds).toHaveLength(6);
    expect((await exported()).text).toBe(file.text);
  });
});
