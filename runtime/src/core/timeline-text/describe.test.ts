import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../simulate.ts';
import { actionText, describeEntry, noteText, statusPart } from './describe.ts';

const deferredSend: TimelineEntry = {
  at: '2026-01-05T00:00:00.000Z',
  local: '2026-01-05T09:00:00.000+09:00',
  node: 'welcome',
  type: 'email',
  action: 'send',
  channel: 'email',
  subject: '안녕하세요',
  deferred: {
    from: '2026-01-03T05:00:00.000Z',
    reason: 'weekend; holiday: 신정',
    reasons: [{ code: 'weekend' }, { code: 'holiday', holiday: '신정' }],
  },
};

describe('describeEntry', () => {
  it('says a deferred send in English as the CLI prints it', () => {
    expect(describeEntry(deferredSend, 'Asia/Seoul', 'en')).toEqual([
      { text: 'email' },
      { text: '"안녕하세요"' },
      { text: '(deferred from Sat 14:00: weekend; holiday: 신정)', tone: 'muted' },
    ]);
  });

  it('says it in Korean, weekday and reasons included, the holiday by its name', () => {
    const parts = describeEntry(deferredSend, 'Asia/Seoul', 'ko');
    expect(parts[0]).toEqual({ text: '이메일' });
    expect(parts.at(-1)).toEqual({
      text: '(토 14:00에서 미뤄짐: 주말, 공휴일: 신정)',
      tone: 'muted',
    });
  });

  it('keeps the simulator’s words for a reason it has no Korean for', () => {
    const odd: TimelineEntry = {
      ...deferredSend,
      deferred: {
        from: deferredSend.at,
        reason: 'some new reason',
        reasons: [{ code: 'some_new_reason' as 'weekend' }],
      },
    };
    expect(describeEntry(odd, 'Asia/Seoul', 'ko').at(-1)?.text).toBe(
      '(09:00에서 미뤄짐: some new reason)',
    );
  });

  it('says a skipped send and an exit with its reason, in either language', () => {
    const skipped: TimelineEntry = {
      ...deferredSend,
      deferred: undefined,
      subject: undefined,
      skipped: 'skipped: the contact has no phone number',
    };
    expect(describeEntry(skipped, 'UTC', 'en').at(-1)).toEqual({
      text: 'not sent: skipped: the contact has no phone number',
      tone: 'warning',
    });
    expect(describeEntry(skipped, 'UTC', 'ko').at(-1)?.text).toBe(
      '보내지 않음: 연락처에 전화번호가 없음',
    );
    const exit: TimelineEntry = {
      ...deferredSend,
      action: 'exit',
      deferred: undefined,
      status: 'replied',
      note: 'the contact replied (guide)',
    };
    expect(describeEntry(exit, 'UTC', 'ko').map((p) => p.text)).toEqual([
      '답장',
      '— 연락처가 답장함 (guide)',
    ]);
    expect(actionText(exit, 'ko')).toBe('종료');
  });
});

describe('noteText and statusPart', () => {
  it('keeps a note it does not know as it is', () => {
    expect(noteText('something else', 'ko')).toBe('something else');
  });

  it('says an enrollment still going with the time the simulation stopped', () => {
    expect(statusPart('active', '2026-01-10T00:00:00Z', 'Asia/Seoul', 'en').text).toBe(
      'active (still enrolled when the simulation stopped, 2026-01-10 Sat 09:00)',
    );
    expect(statusPart('replied', '2026-01-10T00:00:00Z', 'UTC', 'ko')).toEqual({
      text: '답장',
      tone: 'good',
    });
  });
});
