import { describe, expect, it } from 'vitest';
import { contextOf, KIM } from './context.test-support.ts';
import { renderSms } from './sms.ts';

describe('renderSms', () => {
  it('renders the body as text, to the contact phone', () => {
    const evil = contextOf({ ...KIM, name: '<b>김민준</b>' });
    expect(
      renderSms(
        {
          body: '[Nudge] {{고객명}}님, 체험이 {{ contact.attributes.plan }}로 전환됐어요',
          mode: 'auto',
        },
        evil,
      ),
    ).toEqual({
      value: { to: '+821012345678', text: '[Nudge] <b>김민준</b>님, 체험이 pro로 전환됐어요' },
      warnings: [],
    });
  });

  it('has no recipient without a phone, and warns for missing variables', () => {
    expect(renderSms({ body: 'Hi {{ contact.name }}', mode: 'manual' }, contextOf({}))).toEqual({
      value: { text: 'Hi ' },
      warnings: ['body: {{ contact.name }} has no value, so it rendered empty'],
    });
  });
});
