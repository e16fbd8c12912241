import { EditorView } from '@codemirror/view';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import {
  byLabel,
  enter,
  problemsBeside,
  problemsOf,
  renderForm,
} from './render-form.test-support.tsx';
import { SmsForm } from './SmsForm.tsx';

const countOf = (host: HTMLElement) =>
  host.querySelector<HTMLElement>('[data-testid="byte-count"]');

/** Types into the text's editor as the author does. */
function type(host: HTMLElement, label: string, text: string) {
  const view = EditorView.findFromDOM(byLabel(host, label));
  if (!view) throw new Error(`no editor labelled ${label}`);
  act(() =>
    view.dispatch({
      changes: { from: view.state.doc.length, insert: text },
      userEvent: 'input.type',
    }),
  );
}

describe('SmsForm', () => {
  it('writes the text as typed, and counts it as an SMS or an LMS, live', () => {
    const form = renderForm(SmsForm, 'sms', { body: '', mode: 'auto' });
    expect(countOf(form.host)?.textContent).toBe('SMS · 0 / 90 bytes');
    type(form.host, 'Text', '[넛지] 안녕하세요');
    expect(form.last()).toEqual({
      data: { body: '[넛지] 안녕하세요', mode: 'auto' },
      field: 'body',
    });
    expect(countOf(form.host)?.textContent).toBe('SMS · 17 / 90 bytes');
    type(form.host, 'Text', '가'.repeat(40));
    expect(countOf(form.host)?.textContent).toBe('LMS (long message) · 97 / 2,000 bytes');
    expect(byLabel(form.host, 'Text').getAttribute('aria-describedby')).toContain(
      countOf(form.host)?.id,
    );
  });

  it('says "about" when merge variables change the length, and in Korean', async () => {
    await act(() => i18n.changeLanguage('ko'));
    const form = renderForm(SmsForm, 'sms', {
      body: '{{고객명}}님, 계약 만료 2주 전입니다.',
      mode: 'auto',
    });
    expect(countOf(form.host)?.textContent).toBe('SMS · 약 37 / 90바이트');
    expect(countOf(form.host)?.getAttribute('data-bytes')).toBe('37');
    expect(form.host.textContent).toContain('병합 변수가 채워지면');
    expect(byLabel(form.host, '내용').getAttribute('role')).toBe('textbox');
    expect(byLabel(form.host, '발송 방식').tagName).toBe('SELECT');
  });

  it('shows a text past 2,000 bytes as an error in the field', () => {
    const form = renderForm(SmsForm, 'sms', { body: '가'.repeat(1001), mode: 'auto' });
    const count = countOf(form.host);
    expect(count?.getAttribute('data-class')).toBe('too_long');
    expect(count?.textContent).toBe('Too long: 2,002 bytes, more than the 2,000 an LMS holds');
    expect(byLabel(form.host, 'Text').getAttribute('aria-invalid')).toBe('true');
  });

  it('writes the sending mode, and shows the validator’s problems beside their fields', () => {
    const data = { body: '', mode: 'later' };
    const form = renderForm(SmsForm, 'sms', data, { problems: problemsOf('sms', data) });
    expect(problemsBeside(byLabel(form.host, 'Text'))).toEqual(['invalid_value']);
    expect(problemsBeside(byLabel(form.host, 'Sending'))).toEqual(['invalid_value']);
    enter(byLabel(form.host, 'Sending'), 'manual');
    expect(form.last()).toEqual({ data: { body: '', mode: 'manual' }, field: 'mode' });
  });
});
