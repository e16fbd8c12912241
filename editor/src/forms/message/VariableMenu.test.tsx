import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import { EmailForm } from './EmailForm.tsx';
import { byLabel, enter, renderForm } from './render-form.test-support.tsx';
import { SmsForm } from './SmsForm.tsx';

const key = (target: Element, name: string) =>
  act(() => {
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }),
    );
  });

/** The "Insert variable" button of the field with this label. */
function menuButton(host: HTMLElement, label: string): HTMLButtonElement {
  const field = byLabel<HTMLElement>(host, label).closest('.field');
  const button = field?.querySelector<HTMLButtonElement>('.variable-menu__button');
  if (!button) throw new Error(`no Insert variable button beside ${label}`);
  return button;
}

const openMenu = (button: HTMLButtonElement) => {
  act(() => button.click());
  const popup = button.parentElement?.querySelector<HTMLElement>('[data-testid="variable-menu"]');
  if (!popup) throw new Error('the menu did not open');
  return popup;
};

describe('the Insert variable menu', () => {
  it('is named, says which field it is for, and shows the groups', () => {
    const { host } = renderForm(
      SmsForm,
      'sms',
      { body: '', mode: 'auto' },
      {
        context: { variables: { 만료일: 'contact.attributes.renewal' }, attributes: ['plan'] },
      },
    );
    const button = menuButton(host, 'Text');
    expect(button.textContent).toBe('Insert variable');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const label = host.querySelector(
      `#${CSS.escape(button.getAttribute('aria-describedby') ?? '')}`,
    );
    expect(label?.textContent).toBe('Text');

    const popup = openMenu(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(popup.getAttribute('role')).toBe('dialog');
    const headings = [...popup.querySelectorAll('[cmdk-group-heading]')].map((h) => h.textContent);
    expect(headings).toEqual(['Contact fields', 'Attributes in this sequence', 'Aliases']);
    const search = popup.querySelector('input') as HTMLInputElement;
    expect(document.activeElement).toBe(search);
    expect(search.getAttribute('aria-label')).toBe('Search variables');
    expect(popup.querySelector('[data-variable="만료일"]')?.textContent).toBe(
      '{{ 만료일 }}reads contact.attributes.renewal',
    );
  });

  it('searches, and Enter inserts the variable at the cursor of the field, focused again', () => {
    const form = renderForm(SmsForm, 'sms', { body: '님, 안녕하세요', mode: 'auto' });
    const popup = openMenu(menuButton(form.host, 'Text'));
    const search = popup.querySelector('input') as HTMLInputElement;
    enter(search, 'company');
    const shown = [...popup.querySelectorAll('[data-variable]')].map((o) =>
      o.getAttribute('data-variable'),
    );
    expect(shown).toEqual(['contact.company', '회사명']);
    key(search, 'ArrowDown');
    key(search, 'Enter');
    expect(form.last()).toEqual({
      data: { body: '{{ 회사명 }}님, 안녕하세요', mode: 'auto' },
      field: 'body',
    });
    expect(form.host.querySelector('[data-testid="variable-menu"]')).toBeNull();
    expect(document.activeElement).toBe(byLabel(form.host, 'Text'));
  });

  it('closes on Escape, back in the field, and lets nothing else take the key', () => {
    const form = renderForm(SmsForm, 'sms', { body: '', mode: 'auto' });
    const button = menuButton(form.host, 'Text');
    const popup = openMenu(button);
    let reached = false;
    const outside = (event: Event) => {
      reached = !event.defaultPrevented;
    };
    document.addEventListener('keydown', outside);
    key(popup.querySelector('input') as HTMLInputElement, 'Escape');
    document.removeEventListener('keydown', outside);
    expect(reached).toBe(false);
    expect(form.host.querySelector('[data-testid="variable-menu"]')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(byLabel(form.host, 'Text'));
    expect(form.changes).toEqual([]);
  });

  it('offers the unsubscribe link in an email, not in a text message', () => {
    const email = renderForm(EmailForm, 'email', { body: '', format: 'text', mode: 'auto' });
    const popup = openMenu(menuButton(email.host, 'Body'));
    expect(popup.querySelector('[data-variable="unsubscribe_url"]')?.textContent).toBe(
      '{{ unsubscribe_url }}Unsubscribe link',
    );
    const sms = renderForm(SmsForm, 'sms', { body: '', mode: 'auto' });
    const smsPopup = openMenu(menuButton(sms.host, 'Text'));
    expect(smsPopup.querySelector('[data-variable="unsubscribe_url"]')).toBeNull();
  });

  it('inserts into the email subject where its cursor was', () => {
    const form = renderForm(EmailForm, 'email', {
      subject: '님, 제안서입니다',
      body: '',
      format: 'text',
      mode: 'auto',
    });
    const subject = byLabel(form.host, 'Subject');
    subject.setSelectionRange(0, 0);
    const popup = openMenu(menuButton(form.host, 'Subject'));
    enter(popup.querySelector('input') as HTMLInputElement, 'contact.name');
    key(popup.querySelector('input') as HTMLInputElement, 'Enter');
    expect(form.last()?.data.subject).toBe('{{ contact.name }}님, 제안서입니다');
    expect(document.activeElement).toBe(subject);
  });

  it('speaks Korean', () => {
    act(() => void i18n.changeLanguage('ko'));
    const form = renderForm(SmsForm, 'sms', { body: '', mode: 'auto' });
    const button = menuButton(form.host, '내용');
    expect(button.textContent).toBe('변수 넣기');
    const popup = openMenu(button);
    expect(popup.querySelector('input')?.getAttribute('placeholder')).toBe('이름, 필드 또는 별칭…');
    expect(popup.querySelector('[data-variable="contact.name"]')?.textContent).toBe(
      '{{ contact.name }}이름',
    );
  });
});
