import { expect, inject, it } from 'vitest';
import { api } from './support/api.ts';
import { artifact } from './support/chromium.ts';
import { builderPage } from './support/page.ts';
import { welcomeSequence } from './support/welcome-sequence.ts';

/* The Preview in Korean: an SMS with its size in bytes and class, then an email. */
const builder = builderPage({ locale: 'ko-KR' });

it('previews an SMS in Korean with its size, and says so when a template does not render', async () => {
  const korean = builder.page;
  const id = `preview-sms-${Date.now()}`;
  const sequence = welcomeSequence(id);
  sequence.nodes.push({
    id: 'remind',
    type: 'sms',
    data: {
      body: '{{ 고객명 | default: "고객" }}님, 내일 오후 2시 미팅을 잊지 마세요.',
      mode: 'auto',
    },
  } as never);
  sequence.edges.push({ id: 'e2', source: 'welcome', target: 'remind' });
  await api('POST', '/sequences', sequence);
  await korean.getByRole('button', { name: '서버에서 열기' }).click();
  await korean.getByLabel('API 토큰', { exact: true }).fill(inject('apiToken'));
  await korean.getByRole('button', { name: '계속' }).click();
  await korean.getByTestId('open-dialog').locator(`[data-id="${id}"]`).click();
  await korean.locator('.react-flow__node[data-id="remind"]').click();
  await korean
    .getByRole('region', { name: '단계 설정' })
    .getByRole('button', { name: '미리 보기' })
    .click();
  const preview = korean.getByTestId('preview-panel');
  await expect
    .poll(() => preview.getByTestId('preview-bubble').textContent())
    .toBe('김민지님, 내일 오후 2시 미팅을 잊지 마세요.');
  const size = preview.getByTestId('preview-size');
  expect(await size.getAttribute('data-class')).toBe('sms');
  expect(await size.textContent()).toContain('바이트 · 단문(SMS)');
  await korean.screenshot({ path: artifact('preview-sms-ko.png') });

  await korean.locator('.react-flow__node[data-id="welcome"]').click();
  await expect
    .poll(() => preview.getByTestId('preview-subject').textContent())
    .toBe('김민지님, 안녕하세요');
  await korean.screenshot({ path: artifact('preview-email-ko.png') });
});
