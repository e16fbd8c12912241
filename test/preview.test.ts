import { expect, inject, it } from 'vitest';
import { api } from './support/api.ts';
import { artifact } from './support/chromium.ts';
import { builderPage } from './support/page.ts';
import { welcomeSequence } from './support/welcome-sequence.ts';

/*
 * Preview and Send test, as a template author uses them, through the real `pnpm start`: a
 * Korean email previewed for three sample contacts (one without a name, whose subject would
 * read "님, 안녕하세요"), the empty variable fixed with a default in one click, the draft saved
 * and a test sent, which the Outbox then lists marked [TEST].
 */
const builder = builderPage();
const { node, panel } = builder;

it('previews a Korean email for three contacts, fixes an empty variable and sends a test found in the Outbox', async () => {
  const { page } = builder;
  const id = `preview-${Date.now()}`;
  await api('POST', '/sequences', welcomeSequence(id));

  await page.getByRole('button', { name: 'Open from server' }).click();
  await page.getByLabel('API token', { exact: true }).fill(inject('apiToken'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('open-dialog').locator(`[data-id="${id}"]`).click();
  await node('welcome').click();
  await panel().getByRole('button', { name: 'Preview' }).click();

  const preview = page.getByTestId('preview-panel');
  const subject = preview.getByTestId('preview-subject');
  const contact = preview.getByLabel('Contact', { exact: true });
  // The first sample: every field there.
  await expect.poll(() => subject.textContent()).toBe('김민지님, 안녕하세요');
  expect(await preview.getByTestId('preview-from').textContent()).toBe(
    '넛지 김지훈 <jihoon@nudge.example>',
  );
  const body = preview.frameLocator('iframe').locator('body');
  await expect.poll(() => body.textContent()).toContain('한빛소프트의 도입을 환영합니다.');
  expect(await preview.getByTestId('preview-links').textContent()).toContain(
    'https://nudge.example/start',
  );
  expect(await preview.getByTestId('empty-variables').textContent()).toContain(
    'Every variable has a value for this contact.',
  );
  await page.screenshot({ path: artifact('preview-email-en.png') });

  // The next: no name, so the subject loses its first word, and the panel says why.
  await preview.getByRole('button', { name: 'Next contact' }).click();
  await expect.poll(() => subject.textContent()).toBe('님, 안녕하세요');
  const empty = preview.locator('[data-testid="empty-variable"][data-name="고객명"]');
  expect(await empty.textContent()).toContain('contact.name');
  await page.screenshot({ path: artifact('preview-empty-variable-en.png') });

  // And a third, by keyboard: Alt+→ in the panel.
  await contact.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => subject.textContent()).toBe('최유나님, 안녕하세요');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => subject.textContent()).toBe('님, 안녕하세요');

  // One click: the suggested default (고객) goes into the subject, and the preview follows.
  expect(await empty.getByRole('textbox').inputValue()).toBe('고객');
  await empty.getByRole('button', { name: 'Add default' }).click();
  await expect.poll(() => subject.textContent()).toBe('고객님, 안녕하세요');
  const { text } = await builder.exported();
  expect(JSON.parse(text).nodes[1].data.subject).toBe('{{고객명 | default: "고객"}}님, 안녕하세요');

  // The test goes from the server's draft: saved first, then sent to an address typed.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.locator('header.app__bar').textContent()).toContain('Saved');
  await preview.getByRole('button', { name: 'Send test…' }).click();
  const dialog = page.getByTestId('test-send-dialog');
  await dialog.getByLabel('Send to (email address)').fill('author@nudge.example');
  await dialog.getByRole('button', { name: 'Send test' }).click();
  await expect
    .poll(() => dialog.getByRole('status').textContent(), { timeout: 15_000 })
    .toContain('[TEST] 고객님, 안녕하세요');
  await page.screenshot({ path: artifact('preview-test-sent-en.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const outbox = await api<Array<{ subject: string; test?: boolean; to?: string }>>(
    'GET',
    '/outbox',
  );
  expect(outbox.find((m) => m.subject === '[TEST] 고객님, 안녕하세요')?.test).toBe(true);
  await page.getByTestId('outbox-button').click();
  await expect
    .poll(() => page.getByTestId('outbox-entry').first().textContent())
    .toContain('[TEST] 고객님, 안녕하세요');
});

it('previews for a contact found on the server', async () => {
  const { page } = builder;
  const id = `preview-find-${Date.now()}`;
  await api('POST', '/sequences', welcomeSequence(id));
  const stamp = Date.now();
  await api('POST', '/contacts', {
    contacts: [
      {
        id: `find-${stamp}`,
        name: `정하늘${stamp}`,
        email: `haneul-${stamp}@example.kr`,
        company: '푸른바다',
      },
    ],
  });
  await page.getByRole('button', { name: 'Open from server' }).click();
  await page.getByLabel('API token', { exact: true }).fill(inject('apiToken'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('open-dialog').locator(`[data-id="${id}"]`).click();
  await node('welcome').click();
  await panel().getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('preview-panel');
  await preview.getByRole('button', { name: 'Find on server…' }).click();
  const dialog = page.getByTestId('find-contact-dialog');
  // The token given to open the sequence is the one the search uses: no second ask.
  await dialog.getByLabel('Name, email, company or phone').fill(`하늘${stamp}`);
  await dialog.getByRole('button', { name: `Preview for 정하늘${stamp}` }).click();
  await expect
    .poll(() => preview.getByTestId('preview-subject').textContent())
    .toBe(`정하늘${stamp}님, 안녕하세요`);
  const body = preview.frameLocator('iframe').locator('body');
  await expect.poll(() => body.textContent()).toContain('푸른바다의 도입을 환영합니다.');
  expect(await preview.getByRole('combobox', { name: 'Contact' }).inputValue()).toBe(
    `server:find-${stamp}`,
  );
});
