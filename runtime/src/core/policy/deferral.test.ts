import { describe, expect, it } from 'vitest';
import { describeDeferral, Reasons } from './deferral.ts';

describe('describeDeferral', () => {
  it('says each reason in words, joined by semicolons', () => {
    expect(
      describeDeferral([
        { code: 'outside_window' },
        { code: 'weekend' },
        { code: 'holiday', holiday: '추석', country: 'KR', date: '2025-10-06' },
      ]),
    ).toBe('outside window; weekend; holiday: 추석');
    expect(
      describeDeferral([{ code: 'not_send_time' }, { code: 'closed_day', date: '2026-01-06' }]),
    ).toBe('not the send time; closed day');
    expect(describeDeferral([])).toBe('');
  });
});

describe('Reasons', () => {
  it('keeps the first of each code, and of each holiday name, in order', () => {
    const reasons = new Reasons();
    reasons.add({ code: 'weekend' });
    reasons.add({ code: 'holiday', holiday: '추석', country: 'KR', date: '2025-10-06' });
    reasons.add({ code: 'holiday', holiday: '추석', country: 'KR', date: '2025-10-07' });
    reasons.add({ code: 'weekend' });
    reasons.add({ code: 'holiday', holiday: '한글날', country: 'KR', date: '2025-10-09' });
    reasons.add({ code: 'closed_day', date: '2025-10-14' });
    reasons.add({ code: 'closed_day', date: '2025-10-15' });
    expect(reasons.list).toEqual([
      { code: 'weekend' },
      { code: 'holiday', holiday: '추석', country: 'KR', date: '2025-10-06' },
      { code: 'holiday', holiday: '한글날', country: 'KR', date: '2025-10-09' },
      { code: 'closed_day', date: '2025-10-14' },
    ]);
  });
});
