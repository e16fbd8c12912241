import { EditorView } from '@codemirror/view';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { KakaoForm } from './KakaoForm.tsx';
import {
  byLabel,
  enter,
  problemsBeside,
  problemsOf,
  renderForm,
} from './render-form.test-support.tsx';

const NEW_KAKAO = { templateCode: '', body: '', mode: 'auto' };

const buttonsNamed = (host: HTMLElement, text: string) =>
  [...host.querySelectorAll('button')].filter((b) => b.textContent === text);

const fieldsLabelled = (host: HTMLElement, text: string) =>
  [...host.querySelectorAll('label')]
    .filter((l) => l.textContent === text)
    .map((l) => document.getElementById(l.htmlFor) as HTMLInputElement);

describe('KakaoForm', () => {
  it('writes the template code and the text', () => {
    const form = renderForm(KakaoForm, 'kakao', NEW_KAKAO);
    enter(byLabel(form.host, 'Template code'), 'RENEW_01');
    expect(form.last()).toEqual({
      data: { templateCode: 'RENEW_01', body: '', mode: 'auto' },
      field: 'templateCode',
    });
    const text = EditorView.findFromDOM(byLabel(form.host, 'Text'));
    act(() =>
      text?.dispatch({ changes: { from: 0, insert: '#{고객명}님' }, userEvent: 'input.type' }),
    );
    expect(form.last()?.data.body).toBe('#{고객명}님');
  });

  it('adds buttons up to the schema’s five, each edited alone, and removes them', () => {
    const form = renderForm(KakaoForm, 'kakao', NEW_KAKAO);
    const [add] = buttonsNamed(form.host, 'Add a button');
    act(() => add?.click());
    expect(form.last()).toEqual({
      data: { ...NEW_KAKAO, buttons: [{ name: '', url: '' }] },
      field: 'buttons',
    });
    // Focus goes to the new button's name.
    expect(document.activeElement).toBe(fieldsLabelled(form.host, 'Button name')[0]);
    for (let i = 0; i < 4; i++) act(() => add?.click());
    expect(form.last()?.data.buttons).toHaveLength(5);
    expect(add?.disabled).toBe(true);
    expect(form.host.textContent).toContain('AlimTalk takes up to 5 buttons.');

    enter(fieldsLabelled(form.host, 'Button name')[1] as HTMLInputElement, '갱신하기');
    expect(form.last()?.field).toBe('buttons/1/name');
    enter(fieldsLabelled(form.host, 'Link')[1] as HTMLInputElement, 'https://acme.kr/r');
    expect(form.last()?.field).toBe('buttons/1/url');
    expect(form.last()?.data.buttons?.[1]).toEqual({ name: '갱신하기', url: 'https://acme.kr/r' });

    const [removeFirst] = buttonsNamed(form.host, 'Remove button 1');
    act(() => removeFirst?.click());
    expect(form.last()?.data.buttons).toHaveLength(4);
    expect(form.last()?.data.buttons?.[0]).toEqual({ name: '갱신하기', url: 'https://acme.kr/r' });
    expect(add?.disabled).toBe(false);
    expect(document.activeElement).toBe(add);
    for (let i = 4; i > 0; i--)
      act(() => buttonsNamed(form.host, `Remove button ${i}`)[0]?.click());
    // No buttons left: the list is left out, as in a new step.
    expect(form.last()?.data).toEqual(NEW_KAKAO);
  });

  it('writes the fallback SMS, counts it, and leaves it out when emptied', () => {
    const form = renderForm(KakaoForm, 'kakao', { ...NEW_KAKAO, fallbackSms: '[acme] 갱신 안내' });
    const count = form.host.querySelector('[data-testid="byte-count"]');
    expect(count?.textContent).toBe('SMS · 16 / 90 bytes');
    const view = EditorView.findFromDOM(byLabel(form.host, 'Fallback SMS'));
    act(() => view?.dispatch({ changes: { from: 0, to: view.state.doc.length } }));
    expect(form.last()).toEqual({ data: NEW_KAKAO, field: 'fallbackSms' });
  });

  it('shows each problem beside its field, a button’s beside that button’s', () => {
    const data = {
      templateCode: '',
      body: 'x',
      buttons: [
        { name: '보기', url: 'https://a.kr' },
        { name: '', url: '{{' },
      ],
      mode: 'auto',
    };
    const { host } = renderForm(KakaoForm, 'kakao', data, { problems: problemsOf('kakao', data) });
    expect(problemsBeside(byLabel(host, 'Template code'))).toEqual(['invalid_value']);
    const [firstName, secondName] = fieldsLabelled(host, 'Button name');
    const [, secondUrl] = fieldsLabelled(host, 'Link');
    expect(problemsBeside(firstName as HTMLElement)).toEqual([]);
    expect(problemsBeside(secondName as HTMLElement)).toEqual(['invalid_value']);
    expect(problemsBeside(secondUrl as HTMLElement)).toEqual(['liquid_syntax']);
  });
});
