import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import { EmailForm } from './EmailForm.tsx';
import { byLabel, renderForm } from './render-form.test-support.tsx';

const HTML_EMAIL = {
  subject: '제안서',
  body: '<p>안녕하세요 {{ contact.name | default: "고객" }}님,</p>\n<p><a href="https://acme.kr/?c={{ contact.id }}">제안서 보기</a></p>',
  format: 'html',
  mode: 'auto',
};

const modeButton = (host: HTMLElement, name: string) => {
  const found = [...host.querySelectorAll<HTMLButtonElement>('.body-modes button')].find(
    (b) => b.textContent === name,
  );
  if (!found) throw new Error(`no mode button ${name}`);
  return found;
};

async function switchTo(host: HTMLElement, name: string) {
  await act(async () => modeButton(host, name).click());
  await vi.waitFor(() => expect(modeButton(host, name).getAttribute('aria-pressed')).toBe('true'), {
    timeout: 5000,
  });
}

describe('the email body in two modes', () => {
  it('opens in HTML source, with the mode switch named; a text email has no switch', () => {
    const { host } = renderForm(EmailForm, 'email', HTML_EMAIL);
    expect(modeButton(host, 'HTML source').getAttribute('aria-pressed')).toBe('true');
    expect(modeButton(host, 'Rich text').getAttribute('aria-pressed')).toBe('false');
    expect(host.querySelector('fieldset.body-modes')?.getAttribute('aria-label')).toBe(
      'How to edit the body',
    );
    const text = renderForm(EmailForm, 'email', { ...HTML_EMAIL, format: 'text' });
    expect(text.host.querySelector('.body-modes')).toBeNull();
  });

  it('shows the body as rich text, Liquid as chips, and writes nothing by switching', async () => {
    const form = renderForm(EmailForm, 'email', HTML_EMAIL);
    await switchTo(form.host, 'Rich text');
    await vi.waitFor(() =>
      expect(form.host.querySelector('[data-testid="rich-text"]')).not.toBeNull(),
    );
    const body = byLabel(form.host, 'Body');
    expect(body.getAttribute('contenteditable')).toBe('true');
    expect(body.getAttribute('role')).toBe('textbox');
    const chips = [...form.host.querySelectorAll('.liquid-chip')].map((c) => c.textContent);
    expect(chips).toEqual(['{{ contact.name | default: "고객" }}']);
    const tools = [...form.host.querySelectorAll('[role="toolbar"] button')].map(
      (b) => b.textContent,
    );
    expect(tools).toEqual([
      'Bold',
      'Italic',
      'Link',
      'Bulleted list',
      'Numbered list',
      'Image',
      'Insert variable',
    ]);
    expect(form.changes).toEqual([]);
  });

  it('inserts a variable from the menu as a chip, and the body keeps every Liquid tag', async () => {
    const form = renderForm(EmailForm, 'email', HTML_EMAIL);
    await switchTo(form.host, 'Rich text');
    const menu = await vi.waitFor(() => {
      const button = form.host.querySelector<HTMLButtonElement>(
        '[role="toolbar"] .variable-menu__button',
      );
      if (!button) throw new Error('no menu yet');
      return button;
    });
    act(() => menu.click());
    const option = form.host.querySelector<HTMLElement>('[data-variable="회사명"]');
    act(() => option?.click());
    const last = form.last();
    expect(last?.field).toBe('body');
    expect(last?.data.body).toContain('{{ 회사명 }}');
    expect(last?.data.body).toContain('{{ contact.name | default: "고객" }}');
    expect(last?.data.body).toContain(
      '<a href="https://acme.kr/?c={{ contact.id }}">제안서 보기</a>',
    );

    // Back in HTML source: the same body, editable as text.
    await switchTo(form.host, 'HTML source');
    expect(byLabel(form.host, 'Body').textContent).toContain('{{ 회사명 }}');
  });

  it('keeps a body rich text would change in source, and says why', async () => {
    const form = renderForm(EmailForm, 'email', {
      ...HTML_EMAIL,
      body: '{% if contact.company %}<p>{{ 회사명 }}</p>{% endif %}',
    });
    await act(async () => modeButton(form.host, 'Rich text').click());
    const note = await vi.waitFor(() => {
      const found = form.host.querySelector('[data-testid="body-refused"]');
      if (!found) throw new Error('no note yet');
      return found;
    });
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toContain('This body stays in HTML source');
    expect(note.querySelector('code')?.textContent).toBe(
      '{% if contact.company %}<p>{{ 회사명 }}</p>…',
    );
    expect(modeButton(form.host, 'HTML source').getAttribute('aria-pressed')).toBe('true');
    expect(form.host.querySelector('[data-testid="rich-text"]')).toBeNull();
    expect(form.changes).toEqual([]);
  });

  it('speaks Korean', () => {
    act(() => void i18n.changeLanguage('ko'));
    const { host } = renderForm(EmailForm, 'email', HTML_EMAIL);
    expect(modeButton(host, '서식 있는 텍스트')).toBeTruthy();
    expect(modeButton(host, 'HTML 소스').getAttribute('aria-pressed')).toBe('true');
  });
});
