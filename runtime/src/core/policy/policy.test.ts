import type { Schedule } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { type SendPolicy, sendPolicy } from './index.ts';

const WEEKDAYS_ONLY: Schedule['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: Schedule['days'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const OFFICE: Schedule = { days: WEEKDAYS_ONLY, start: '09:00', end: '18:00' };

const seoul = (schedule: Schedule | null, holidays = ['KR']) =>
  sendPolicy({ zone: 'Asia/Seoul', schedule, holidays });
const newYork = (schedule: Schedule | null, holidays = ['US']) =>
  sendPolicy({ zone: 'America/New_York', schedule, holidays });
const berlin = (schedule: Schedule | null, holidays = ['DE']) =>
  sendPolicy({ zone: 'Europe/Berlin', schedule, holidays });

/** nextOpen in local time, with its reasons' text ('' when it did not move). */
function opens(policy: SendPolicy, due: string): [string, string] {
  const { at, deferral } = policy.nextOpen(Date.parse(due));
  return [policy.localTime(at), deferral?.text ?? ''];
}

describe('nextOpen with a send window (Seoul, Mon-Fri 09:00-18:00, KR holidays)', () => {
  const policy = seoul(OFFICE);

  it.each([
    [
      'before the start',
      '2026-01-06T08:00:00+09:00',
      '2026-01-06T09:00:00+09:00',
      'outside window',
    ],
    ['at the start', '2026-01-06T09:00:00+09:00', '2026-01-06T09:00:00+09:00', ''],
    ['inside', '2026-01-06T13:15:00+09:00', '2026-01-06T13:15:00+09:00', ''],
    ['just before the end', '2026-01-06T17:59:59.999+09:00', '2026-01-06T17:59:59+09:00', ''],
    [
      'at the end exactly',
      '2026-01-06T18:00:00+09:00',
      '2026-01-07T09:00:00+09:00',
      'outside window',
    ],
    [
      'Friday evening',
      '2026-01-09T19:00:00+09:00',
      '2026-01-12T09:00:00+09:00',
      'outside window; weekend',
    ],
    ['Saturday', '2026-01-10T10:00:00+09:00', '2026-01-12T09:00:00+09:00', 'weekend'],
    ['on 신정', '2026-01-01T10:00:00+09:00', '2026-01-02T09:00:00+09:00', 'holiday: 신정'],
  ])('%s', (_, due, expected, text) => {
    // (localTime drops milliseconds: 17:59:59.999 stays itself.)
    expect(opens(policy, due)).toEqual([expected, text]);
  });

  it('moves a send due on 개천절 2025 past 추석 and 한글날 to Friday 10 October', () => {
    const due = Date.parse('2025-10-03T10:00:00+09:00');
    const { at, deferral } = policy.nextOpen(due);
    expect(policy.localTime(at)).toBe('2025-10-10T09:00:00+09:00');
    expect(deferral).toEqual({
      from: due,
      reasons: [
        { code: 'holiday', holiday: '개천절', country: 'KR', date: '2025-10-03' },
        // Saturday 4th, and Sunday 5th (추석 too, but closed by the schedule's days anyway).
        { code: 'weekend' },
        { code: 'holiday', holiday: '추석', country: 'KR', date: '2025-10-06' },
        { code: 'holiday', holiday: '추석 (대체공휴일)', country: 'KR', date: '2025-10-08' },
        { code: 'holiday', holiday: '한글날', country: 'KR', date: '2025-10-09' },
      ],
      text: 'holiday: 개천절; weekend; holiday: 추석; holiday: 추석 (대체공휴일); holiday: 한글날',
    });
  });

  it('reports weekend, not the holiday, for a holiday on a day the schedule closes anyway', () => {
    // 개천절 2026 is a Saturday; its 대체공휴일 is Monday 5 October.
    expect(opens(policy, '2026-10-02T18:30:00+09:00')).toEqual([
      '2026-10-06T09:00:00+09:00',
      'outside window; weekend; holiday: 개천절 (대체공휴일)',
    ]);
    const { deferral } = policy.nextOpen(Date.parse('2026-10-03T10:00:00+09:00'));
    expect(deferral?.reasons).toEqual([
      { code: 'weekend' },
      { code: 'holiday', holiday: '개천절 (대체공휴일)', country: 'KR', date: '2026-10-05' },
    ]);
  });

  it('reports the holiday when the schedule would open on that day', () => {
    const weekends = seoul({ days: EVERY_DAY, start: '09:00', end: '18:00' });
    expect(opens(weekends, '2026-10-03T10:00:00+09:00')).toEqual([
      '2026-10-04T09:00:00+09:00',
      'holiday: 개천절',
    ]);
  });

  it('closes weekdays the schedule leaves out, naming the first such date', () => {
    const policy = seoul({ days: ['mon', 'wed', 'fri'], start: '09:00', end: '18:00' });
    const { at, deferral } = policy.nextOpen(Date.parse('2026-01-06T10:00:00+09:00'));
    expect(policy.localTime(at)).toBe('2026-01-07T09:00:00+09:00');
    expect(deferral?.reasons).toEqual([{ code: 'closed_day', date: '2026-01-06' }]);
    expect(deferral?.text).toBe('closed day');
  });

  it('treats an end of 24:00 as the end of the day', () => {
    const evening = seoul({ days: WEEKDAYS_ONLY, start: '20:00', end: '24:00' });
    expect(opens(evening, '2026-01-06T23:59:59+09:00')).toEqual(['2026-01-06T23:59:59+09:00', '']);
    expect(opens(evening, '2026-01-07T00:00:00+09:00')).toEqual([
      '2026-01-07T20:00:00+09:00',
      'outside window',
    ]);
    expect(opens(evening, '2026-01-10T00:00:00+09:00')).toEqual([
      '2026-01-12T20:00:00+09:00',
      'weekend',
    ]);
    expect(evening.isOpen(Date.parse('2026-01-09T23:59:59.999+09:00'))).toBe(true);
    expect(evening.isOpen(Date.parse('2026-01-10T00:00:00+09:00'))).toBe(false);
  });
});

describe('nextOpen with a fixed send time (Seoul, Mon-Fri 09:30)', () => {
  const policy = seoul({ days: WEEKDAYS_ONLY, at: '09:30' });

  it.each([
    ['at the minute', '2026-01-06T09:30:00+09:00', '2026-01-06T09:30:00+09:00', ''],
    ['a few ms late', '2026-01-06T09:30:00.250+09:00', '2026-01-06T09:30:00+09:00', ''],
    ['59 s late', '2026-01-06T09:30:59+09:00', '2026-01-06T09:30:59+09:00', ''],
    [
      'a minute late',
      '2026-01-06T09:31:00+09:00',
      '2026-01-07T09:30:00+09:00',
      'not the send time',
    ],
    ['early', '2026-01-06T07:00:00+09:00', '2026-01-06T09:30:00+09:00', 'not the send time'],
    [
      'Friday afternoon',
      '2026-01-09T15:00:00+09:00',
      '2026-01-12T09:30:00+09:00',
      'not the send time; weekend',
    ],
  ])('%s', (_, due, expected, text) => {
    expect(opens(policy, due)).toEqual([expected, text]);
  });
});

describe('nextOpen without a schedule', () => {
  it('is always open without holidays', () => {
    const policy = seoul(null, []);
    const at = Date.parse('2025-10-05T03:00:00+09:00');
    expect(policy.nextOpen(at)).toEqual({ at, deferral: null });
    expect(policy.isOpen(at)).toBe(true);
  });

  it('skips holidays like closed days, weekends included, but not ordinary weekends', () => {
    const policy = seoul(null);
    expect(opens(policy, '2025-10-06T15:00:00+09:00')).toEqual([
      '2025-10-10T00:00:00+09:00',
      'holiday: 추석; holiday: 추석 (대체공휴일); holiday: 한글날',
    ]);
    expect(opens(policy, '2026-01-10T15:00:00+09:00')).toEqual(['2026-01-10T15:00:00+09:00', '']);
  });

  it('ignores a country we have no calendar for', () => {
    expect(seoul(null, ['XX']).isOpen(Date.parse('2025-10-06T15:00:00+09:00'))).toBe(true);
  });
});

describe('nextOpen across DST', () => {
  it('moves a window start in the spring-forward gap forward by the gap (New York)', () => {
    const policy = newYork({ days: ['sun'], start: '02:30', end: '04:00' }, []);
    expect(opens(policy, '2026-03-08T00:00:00-05:00')).toEqual([
      '2026-03-08T03:30:00-04:00',
      'outside window',
    ]);
    expect(policy.isOpen(Date.parse('2026-03-08T03:15:00-04:00'))).toBe(false);
    expect(policy.isOpen(Date.parse('2026-03-08T03:59:59-04:00'))).toBe(true);
    expect(policy.isOpen(Date.parse('2026-03-08T04:00:00-04:00'))).toBe(false);
  });

  it('moves a fixed time in the gap the same way (Berlin)', () => {
    const policy = berlin({ days: EVERY_DAY, at: '02:30' }, []);
    expect(opens(policy, '2026-03-29T00:00:00+01:00')).toEqual([
      '2026-03-29T03:30:00+02:00',
      'not the send time',
    ]);
    expect(opens(policy, '2026-03-30T00:00:00+02:00')[0]).toBe('2026-03-30T02:30:00+02:00');
  });

  it('uses the earlier of two equal clock times in a fall-back overlap', () => {
    const fixed = newYork({ days: ['sun'], at: '01:30' }, []);
    expect(opens(fixed, '2026-11-01T00:00:00-04:00')[0]).toBe('2026-11-01T01:30:00-04:00');
    // The second 01:30 (EST) is not the send time: the next one is a week later.
    expect(opens(fixed, '2026-11-01T01:30:00-05:00')).toEqual([
      '2026-11-08T01:30:00-05:00',
      'not the send time; closed day; weekend',
    ]);
    // A window is read on the wall clock: 01:00-02:00 spans both 01:00 hours that day.
    const window = newYork({ days: ['sun'], start: '01:00', end: '02:00' }, []);
    expect(window.isOpen(Date.parse('2026-11-01T01:00:00-04:00'))).toBe(true);
    expect(window.isOpen(Date.parse('2026-11-01T01:59:00-05:00'))).toBe(true);
    expect(window.isOpen(Date.parse('2026-11-01T02:00:00-05:00'))).toBe(false);
    expect(window.isOpen(Date.parse('2026-11-01T00:59:00-04:00'))).toBe(false);
  });

  it('keeps the window on local clock time on both sides of a change (Berlin)', () => {
    const policy = berlin(OFFICE);
    expect(opens(policy, '2026-10-23T18:00:00+02:00')).toEqual([
      '2026-10-26T09:00:00+01:00',
      'outside window; weekend',
    ]);
    expect(opens(policy, '2026-03-27T20:00:00+01:00')[0]).toBe('2026-03-30T09:00:00+02:00');
  });

  it('reports US holidays: the observed day, then the weekend', () => {
    const policy = newYork(OFFICE);
    const { at, deferral } = policy.nextOpen(Date.parse('2026-07-03T10:00:00-04:00'));
    expect(policy.localTime(at)).toBe('2026-07-06T09:00:00-04:00');
    expect(deferral?.reasons).toEqual([
      {
        code: 'holiday',
        holiday: 'Independence Day (observed)',
        country: 'US',
        date: '2026-07-03',
      },
      { code: 'weekend' },
    ]);
  });
});

describe('after', () => {
  const at = (
    policy: SendPolicy,
    due: string,
    amount: number,
    unit: Parameters<SendPolicy['after']>[2],
  ) => policy.localTime(policy.after(Date.parse(due), amount, unit));

  it('counts minutes and hours as elapsed time, across DST', () => {
    const policy = berlin(null);
    expect(at(policy, '2026-03-29T01:30:00+01:00', 60, 'minutes')).toBe(
      '2026-03-29T03:30:00+02:00',
    );
    expect(at(policy, '2026-03-28T10:00:00+01:00', 24, 'hours')).toBe('2026-03-29T11:00:00+02:00');
    expect(at(policy, '2026-10-25T01:30:00+02:00', 2, 'hours')).toBe('2026-10-25T02:30:00+01:00');
  });

  it('keeps the local clock time for days and weeks, across DST', () => {
    const policy = berlin(null);
    expect(at(policy, '2026-03-28T10:00:00+01:00', 1, 'days')).toBe('2026-03-29T10:00:00+02:00');
    expect(at(policy, '2026-10-24T10:00:00+02:00', 1, 'days')).toBe('2026-10-25T10:00:00+01:00');
    expect(at(policy, '2026-03-23T09:00:00+01:00', 1, 'weeks')).toBe('2026-03-30T09:00:00+02:00');
    const ny = newYork(null);
    expect(at(ny, '2026-03-07T02:30:00-05:00', 1, 'days')).toBe('2026-03-08T03:30:00-04:00');
    expect(at(ny, '2026-10-31T01:30:00-04:00', 1, 'days')).toBe('2026-11-01T01:30:00-04:00');
    expect(at(ny, '2026-11-01T01:30:00-05:00', 1, 'days')).toBe('2026-11-02T01:30:00-05:00');
  });

  it('gets month ends and leap years right', () => {
    const policy = seoul(null);
    expect(at(policy, '2026-01-31T10:00:00+09:00', 1, 'days')).toBe('2026-02-01T10:00:00+09:00');
    expect(at(policy, '2028-02-28T10:00:00+09:00', 1, 'days')).toBe('2028-02-29T10:00:00+09:00');
    expect(at(policy, '2028-02-28T10:00:00+09:00', 2, 'days')).toBe('2028-03-01T10:00:00+09:00');
    expect(at(policy, '2027-02-28T10:00:00+09:00', 1, 'days')).toBe('2027-03-01T10:00:00+09:00');
    expect(at(policy, '2026-12-31T23:30:00+09:00', 1, 'days')).toBe('2027-01-01T23:30:00+09:00');
    expect(at(policy, '2026-12-28T08:00:00+09:00', 1, 'weeks')).toBe('2027-01-04T08:00:00+09:00');
  });

  it('advances business days past weekends and holidays, keeping the clock time', () => {
    const policy = seoul(OFFICE);
    // Fri 3 개천절, Sat, Sun, Mon-Tue 추석, Wed 대체공휴일, Thu 한글날; then Fri 10, Mon 13, Tue 14.
    expect(at(policy, '2025-10-02T10:00:00+09:00', 3, 'businessDays')).toBe(
      '2025-10-14T10:00:00+09:00',
    );
    expect(at(policy, '2026-01-09T20:00:00+09:00', 1, 'businessDays')).toBe(
      '2026-01-12T20:00:00+09:00',
    );
    expect(at(policy, '2026-01-10T10:00:00+09:00', 1, 'businessDays')).toBe(
      '2026-01-12T10:00:00+09:00',
    );
    expect(at(policy, '2026-01-07T10:00:00+09:00', -2, 'businessDays')).toBe(
      '2026-01-05T10:00:00+09:00',
    );
  });

  it("counts the schedule's days, or Monday to Friday without a schedule", () => {
    const odd = seoul({ days: ['mon', 'wed', 'fri', 'sat'], at: '09:00' });
    expect(at(odd, '2026-01-05T11:00:00+09:00', 3, 'businessDays')).toBe(
      '2026-01-10T11:00:00+09:00',
    );
    expect(at(seoul(null), '2026-01-09T15:00:00+09:00', 1, 'businessDays')).toBe(
      '2026-01-12T15:00:00+09:00',
    );
    expect(at(newYork(null), '2026-07-02T10:00:00-04:00', 1, 'businessDays')).toBe(
      '2026-07-06T10:00:00-04:00',
    );
    expect(at(newYork(null), '2026-03-06T09:00:00-05:00', 1, 'businessDays')).toBe(
      '2026-03-09T09:00:00-04:00',
    );
  });
});

describe('onDate', () => {
  const policy = seoul(null);
  const on = (p: SendPolicy, date: string, offset: number, time: string) =>
    p.localTime(p.onDate(date, offset, time));

  it('adds days across month and year ends', () => {
    expect(on(policy, '2026-01-31', 1, '09:00')).toBe('2026-02-01T09:00:00+09:00');
    expect(on(policy, '2028-02-28', 1, '00:00')).toBe('2028-02-29T00:00:00+09:00');
    expect(on(policy, '2028-03-01', -1, '23:59')).toBe('2028-02-29T23:59:00+09:00');
    expect(on(policy, '2026-03-01', -1, '09:00')).toBe('2026-02-28T09:00:00+09:00');
    expect(on(policy, '2026-12-31', 1, '09:00')).toBe('2027-01-01T09:00:00+09:00');
    expect(on(policy, '2026-06-15', -30, '12:00')).toBe('2026-05-16T12:00:00+09:00');
  });

  it('moves a time in a gap forward and takes the earlier one in an overlap', () => {
    expect(on(newYork(null), '2026-03-08', 0, '02:30')).toBe('2026-03-08T03:30:00-04:00');
    expect(on(newYork(null), '2026-11-01', 0, '01:30')).toBe('2026-11-01T01:30:00-04:00');
    expect(on(berlin(null), '2026-03-28', 1, '02:30')).toBe('2026-03-29T03:30:00+02:00');
    expect(on(berlin(null), '2026-10-25', 0, '02:30')).toBe('2026-10-25T02:30:00+02:00');
  });

  it('rejects dates and times that are not real', () => {
    expect(() => policy.onDate('2026-02-30', 0, '09:00')).toThrow(RangeError);
    expect(() => policy.onDate('2026-02-03T00:00:00Z', 0, '09:00')).toThrow(RangeError);
    expect(() => policy.onDate('2026-02-03', 0, '9:00')).toThrow(RangeError);
  });
});

describe('localDate and localTime', () => {
  it('format in the zone, to the second, with the offset', () => {
    const utc = Date.parse('2026-01-04T15:00:00.999Z');
    expect(seoul(null).localTime(utc)).toBe('2026-01-05T00:00:00+09:00');
    expect(seoul(null).localDate(utc)).toBe('2026-01-05');
    expect(newYork(null).localTime(utc)).toBe('2026-01-04T10:00:00-05:00');
    expect(newYork(null).localDate(utc)).toBe('2026-01-04');
    expect(newYork(null).localTime(Date.parse('2026-07-01T12:00:00Z'))).toBe(
      '2026-07-01T08:00:00-04:00',
    );
    expect(sendPolicy({ zone: 'UTC', schedule: null, holidays: [] }).localTime(utc)).toBe(
      '2026-01-04T15:00:00+00:00',
    );
    expect(sendPolicy({ zone: 'Asia/Kolkata', schedule: null, holidays: [] }).localTime(utc)).toBe(
      '2026-01-04T20:30:00+05:30',
    );
  });
});

describe('sendPolicy', () => {
  it('memoises by zone, schedule and holidays', () => {
    const a = seoul(OFFICE);
    expect(seoul({ days: [...WEEKDAYS_ONLY], start: '09:00', end: '18:00' })).toBe(a);
    expect(seoul(OFFICE, ['KR', 'US'])).not.toBe(a);
    expect(seoul({ ...OFFICE, end: '17:00' } as Schedule)).not.toBe(a);
    expect(a.zone).toBe('Asia/Seoul');
  });

  it('rejects an instant that is not a number', () => {
    expect(() => seoul(OFFICE).nextOpen(Number.NaN)).toThrow(RangeError);
    expect(() => seoul(OFFICE).isOpen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('rejects an unknown zone and a malformed schedule', () => {
    expect(() => sendPolicy({ zone: 'Asia/Nowhere', schedule: null, holidays: [] })).toThrow(
      RangeError,
    );
    expect(() => seoul({ days: ['mon'], start: '18:00', end: '09:00' })).toThrow(RangeError);
  });

  it('gives up with a clear error on a schedule that never opens', () => {
    const never = sendPolicy({ zone: 'UTC', schedule: { days: [], at: '09:00' }, holidays: [] });
    expect(() => never.nextOpen(Date.parse('2026-01-01T00:00:00Z'))).toThrow(
      /never opens within 3 years/,
    );
    expect(() => never.after(Date.parse('2026-01-01T00:00:00Z'), 1, 'businessDays')).toThrow(
      /no business day/,
    );
  });
});
