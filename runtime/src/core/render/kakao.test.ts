import { describe, expect, it } from 'vitest';
import { contextOf } from './context.test-support.ts';
import { renderKakao } from './kakao.ts';

describe('renderKakao', () => {
  it('renders the body, button links and fallback SMS', () => {
    const { value, warnings } = renderKakao(
      {
        templateCode: 'TRIAL_END_01',
        body: '{{고객명}}님, {{회사명}} 체험이 곧 끝납니다.',
        buttons: [
          { name: '{{고객명}} 그대로', url: 'https://nudge.test/upgrade?c={{ contact.id }}' },
          { name: '문의', url: ' https://nudge.test/help ' },
        ],
        fallbackSms: '[Nudge] {{고객명}}님, 체험 종료 안내',
        mode: 'auto',
      },
      contextOf(),
    );
    expect(value).toEqual({
      to: '+821012345678',
      templateCode: 'TRIAL_END_01',
      text: '김민준님, 한빛소프트 체험이 곧 끝납니다.',
      buttons: [
        { name: '{{고객명}} 그대로', url: 'https://nudge.test/upgrade?c=c1' },
        { name: '문의', url: 'https://nudge.test/help' },
      ],
      fallbackSms: '[Nudge] 김민준님, 체험 종료 안내',
    });
    expect(warnings).toEqual([]);
  });

  it('has no buttons or fallback unless given, and names fields in warnings and errors', () => {
    const bare = contextOf({});
    const { value, warnings } = renderKakao(
      {
        templateCode: 'T',
        body: '{{고객명}}',
        buttons: [{ name: 'b', url: 'https://x.test/{{ contact.id }}' }],
        mode: 'auto',
      },
      bare,
    );
    expect(value).toEqual({
      templateCode: 'T',
      text: '',
      buttons: [{ name: 'b', url: 'https://x.test/' }],
    });
    expect(warnings).toEqual([
      'body: {{ 고객명 }} has no value, so it rendered empty',
      'buttons.0.url: {{ contact.id }} has no value, so it rendered empty',
    ]);
    expect(() =>
      renderKakao(
        {
          templateCode: 'T',
          body: 'x',
          buttons: [
            { name: 'a', url: 'x' },
            { name: 'b', url: '{% if %}' },
          ],
          mode: 'auto',
        },
        bare,
      ),
    ).toThrow(expect.objectContaining({ field: 'buttons.1.url' }));
    expect(() =>
      renderKakao(
        { templateCode: 'T', body: 'x', fallbackSms: '{{ a | nope }}', mode: 'auto' },
        bare,
      ),
    ).toThrow(expect.objectContaining({ field: 'fallbackSms' }));
  });
});
