import { describe, expect, it } from 'vitest';
import { suggestedDefault, withDefault } from './fix-empty.ts';

describe('withDefault', () => {
  it('fixes the variable in every template of the step, links included', () => {
    const data = {
      templateCode: 'T1',
      body: '{{ 고객명 }}님',
      buttons: [
        { name: '보기', url: 'https://x.kr/?n={{ 고객명 }}' },
        { name: '홈', url: 'https://x.kr' },
      ],
      fallbackSms: '{{ 고객명 }}님!',
    };
    const fixed = withDefault('kakao', data, '고객명', '고객') as typeof data;
    expect(fixed.body).toBe('{{ 고객명 | default: "고객" }}님');
    expect(fixed.fallbackSms).toBe('{{ 고객명 | default: "고객" }}님!');
    expect(fixed.buttons[0]?.url).toBe('https://x.kr/?n={{ 고객명 | default: "고객" }}');
    expect(fixed.buttons[1]).toBe(data.buttons[1]);
    expect(fixed.templateCode).toBe('T1');
  });

  it('gives back the same object when there is nothing to fix', () => {
    const data = { subject: '{{ a | default: "x" }}', body: 'hi' };
    expect(withDefault('email', data, 'a', 'y')).toBe(data);
  });

  it('suggests words in the language of the text', () => {
    expect(suggestedDefault('contact.name', true)).toBe('고객');
    expect(suggestedDefault('contact.name', false)).toBe('there');
    expect(suggestedDefault('contact.attributes.plan', true)).toBe('');
  });
});
