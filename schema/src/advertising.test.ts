import { describe, expect, it } from 'vitest';
import { hasFreeOptOut } from './advertising.ts';
import { problemText } from './problem-messages/index.ts';
import { validateSequence } from './validate.ts';
import { editValidator } from './validate-edits.ts';

/** A sequence of an email, an SMS and an AlimTalk step, with these settings and texts. */
function sequence(
  settings: Record<string, unknown>,
  texts: { subject?: string; body?: string; sms?: string } = {},
) {
  return {
    format: 'nudge.sequence/v1',
    name: 'Sale',
    settings,
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      {
        id: 'mail',
        type: 'email',
        data: {
          subject: texts.subject ?? '봄 세일 안내',
          body: texts.body ?? '<p>이번 주만 30% 할인</p>',
          format: 'html',
          mode: 'auto',
        },
      },
      { id: 'text', type: 'sms', data: { body: texts.sms ?? '봄 세일 30%', mode: 'auto' } },
      {
        id: 'talk',
        type: 'kakao',
        data: { templateCode: 'SALE_01', body: '세일 안내', mode: 'auto' },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'mail' },
      { id: 'e2', source: 'mail', target: 'text' },
      { id: 'e3', source: 'text', target: 'talk' },
    ],
  };
}

const found = (file: unknown) =>
  validateSequence(file).warnings.map((w) => `${w.code} ${w.nodeId} ${w.pointer}`);

describe('an advertising sequence', () => {
  it('is warned of every message that does not say what the law asks', () => {
    const result = validateSequence(sequence({ advertising: true }));
    expect(result.ok).toBe(true);
    expect(found(sequence({ advertising: true }))).toEqual([
      'ad_sender_missing mail /nodes/1/data',
      'ad_unsubscribe_missing mail /nodes/1/data/body',
      'ad_label_missing mail /nodes/1/data/subject',
      'ad_label_missing text /nodes/2/data/body',
      'ad_opt_out_missing text /nodes/2/data/body',
      'ad_alimtalk talk /nodes/3/type',
    ]);
    for (const warning of result.warnings)
      expect(problemText(warning, 'ko')).toMatch(/[\uAC00-\uD7A3]/);
  });

  it('is not warned once the label, the link, the sender and the opt-out are there', () => {
    const file = sequence(
      { advertising: true, sender: { name: '봄상회', email: 'sale@example.com' } },
      {
        subject: '(광고) 봄 세일 안내',
        body: '<p>이번 주만 30% 할인</p><p>수신을 원하지 않으시면 <a href="https://example.com/optout">수신거부</a></p>',
        sms: '(광고) 봄 세일 30%\n무료수신거부 080-123-4567',
      },
    );
    expect(found(file)).toEqual(['ad_alimtalk talk /nodes/3/type']);
  });

  it('is only checked when the sequence advertises', () => {
    expect(found(sequence({}))).toEqual([]);
    expect(found(sequence({ advertising: false }))).toEqual([]);
  });

  it('gives the incremental validator the same answer, as the subject is typed', () => {
    const validate = editValidator();
    let file = sequence({ advertising: true });
    for (const subject of ['(', '(광', '(광고', '(광고)', '(광고) 봄']) {
      const nodes = [...file.nodes];
      const mail = nodes[1] as { data: Record<string, unknown> };
      nodes[1] = { ...mail, data: { ...mail.data, subject } } as (typeof nodes)[number];
      file = { ...file, nodes };
      expect(validate(file)).toEqual(validateSequence(file));
    }
    expect(found(file)).not.toContain('ad_label_missing mail /nodes/1/data/subject');
  });
});

describe('a free opt-out line of an SMS', () => {
  it('is a refusal word and an 080 number', () => {
    expect(hasFreeOptOut('무료수신거부 080-123-4567')).toBe(true);
    expect(hasFreeOptOut('무료거부 0801234567')).toBe(true);
    expect(hasFreeOptOut('수신 거부: 080 1234 5678')).toBe(true);
    expect(hasFreeOptOut('수신거부는 고객센터로')).toBe(false);
    expect(hasFreeOptOut('문의 080-123-4567')).toBe(false);
  });
});
