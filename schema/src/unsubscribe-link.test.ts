import { describe, expect, it } from 'vitest';
import { resolveSettings } from './settings.ts';
import { validateSequence } from './validate.ts';
import { editValidator } from './validate-edits.ts';

/** An email then an SMS, with these settings and texts. */
function sequence(
  settings: Record<string, unknown>,
  texts: { subject?: string; body?: string; sms?: string } = {},
) {
  return {
    format: 'nudge.sequence/v1',
    name: 'Sale',
    settings: { sender: { name: '봄상회', email: 'sale@example.com' }, ...settings },
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      {
        id: 'mail',
        type: 'email',
        data: {
          subject: texts.subject ?? '(광고) 봄 세일 안내',
          body: texts.body ?? '<p>이번 주만 30% 할인</p>',
          format: 'html',
          mode: 'auto',
        },
      },
      {
        id: 'text',
        type: 'sms',
        data: { body: texts.sms ?? '(광고) 봄 세일\n무료수신거부 080-123-4567', mode: 'auto' },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'mail' },
      { id: 'e2', source: 'mail', target: 'text' },
    ],
  };
}

const codes = (file: unknown) => {
  const result = validateSequence(file);
  expect(result.ok).toBe(true);
  return result.warnings.map((w) => `${w.code} ${w.nodeId} ${w.pointer}`);
};

describe('{{ unsubscribe_url }}', () => {
  it('is a known merge variable in an email subject and body', () => {
    expect(
      codes(
        sequence(
          {},
          {
            subject: '(광고) 안내 {{ unsubscribe_url }}',
            body: '<a href="{{ unsubscribe_url }}">그만 받기</a>',
          },
        ),
      ),
    ).toEqual([]);
  });

  it('has nothing below it, and is unknown outside an email (it would stay the marker)', () => {
    expect(codes(sequence({}, { body: '<a href="{{ unsubscribe_url.x }}">x</a>' }))).toEqual([
      'unknown_variable mail /nodes/1/data/body',
    ]);
    expect(
      codes(sequence({}, { sms: '(광고) 세일 {{ unsubscribe_url }}\n무료수신거부 080-123-4567' })),
    ).toEqual(['unknown_variable text /nodes/2/data/body']);
  });
});

describe('the unsubscribe check of an advertising email', () => {
  it('is warned of a body with no link, no words and no footer', () => {
    expect(codes(sequence({ advertising: true }))).toEqual([
      'ad_unsubscribe_missing mail /nodes/1/data/body',
    ]);
  });

  it('is satisfied by {{ unsubscribe_url }}, by the footer, or by the words', () => {
    expect(
      codes(sequence({ advertising: true }, { body: '<a href="{{unsubscribe_url}}">그만</a>' })),
    ).toEqual([]);
    expect(codes(sequence({ advertising: true, unsubscribeFooter: true }))).toEqual([]);
    expect(codes(sequence({ advertising: true }, { body: '수신거부는 회신으로' }))).toEqual([]);
    expect(codes(sequence({ advertising: true, unsubscribeFooter: false }))).toEqual([
      'ad_unsubscribe_missing mail /nodes/1/data/body',
    ]);
  });

  it('gives the incremental validator the same answer when the footer is turned on and off', () => {
    const validate = editValidator();
    for (const unsubscribeFooter of [false, true, false, true]) {
      const file = sequence({ advertising: true, unsubscribeFooter });
      expect(validate(file)).toEqual(validateSequence(file));
    }
  });
});

describe('settings.unsubscribeFooter', () => {
  it('is off unless set, and must be a boolean', () => {
    expect(resolveSettings({}).unsubscribeFooter).toBe(false);
    expect(resolveSettings({ unsubscribeFooter: true }).unsubscribeFooter).toBe(true);
    const result = validateSequence(sequence({ unsubscribeFooter: 'yes' }));
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.pointer)).toContain('/settings/unsubscribeFooter');
  });
});
