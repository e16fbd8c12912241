import type { Settings } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { chain, delay, email, minjun, sender } from './build.test-support.ts';
import { type ScriptedEvent, simulate, type TimelineEntry } from './simulate.ts';
import type { Contact } from './types.ts';

/*
 * FORMAT.md section 4, rule by rule, with times worked out by hand. Each case names the local
 * time it expects; `at` is the same instant in UTC.
 */

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const seoulWindow: Settings = {
  timezone: 'Asia/Seoul',
  schedule: { days: [...weekdays], start: '09:00', end: '18:00' },
  sender,
};

function run(
  settings: Settings,
  steps: Parameters<typeof chain>[1],
  options: { start: string; until?: string; contact?: Contact; events?: ScriptedEvent[] },
  extra: Parameters<typeof chain>[2] = [],
) {
  return simulate({
    sequence: chain(settings, steps, extra),
    contact: options.contact ?? minjun,
    start: options.start,
    until: options.until ?? '2028-12-31T00:00:00Z',
    ...(options.events ? { events: options.events } : {}),
  });
}

const sends = (timeline: TimelineEntry[]) =>
  timeline.filter((e) => e.action === 'send').map((e) => [e.node, e.at]);

describe('automatic sends wait for an open instant', () => {
  it('sends at once inside the window', () => {
    const sim = run(seoulWindow, [email('hello', 'Hi')], { start: '2026-01-07T10:00:00+09:00' });
    expect(sim.status).toBe('completed');
    expect(sends(sim.timeline)).toEqual([['hello', '2026-01-07T01:00:00.000Z']]);
    expect(sim.timeline[0]).toMatchObject({
      local: '2026-01-07T10:00:00+09:00',
      subject: 'Hi',
      channel: 'email',
    });
    expect(sim.timeline[0]?.deferred).toBeUndefined();
  });

  it('waits from Saturday afternoon to Monday 09:00, and says why', () => {
    const sim = run(seoulWindow, [email('hello', 'Hi')], { start: '2026-01-03T14:00:00+09:00' });
    const send = sim.timeline.find((e) => e.action === 'send');
    expect(send).toMatchObject({
      at: '2026-01-05T00:00:00.000Z',
      local: '2026-01-05T09:00:00+09:00',
    });
    expect(send?.deferred?.from).toBe('2026-01-03T05:00:00.000Z');
    expect(send?.deferred?.reason).toMatch(/weekend/);
  });

  it('waits past the window end to the next morning (the end is not included)', () => {
    const sim = run(seoulWindow, [email('hello', 'Hi')], { start: '2026-01-07T18:00:00+09:00' });
    expect(sends(sim.timeline)).toEqual([['hello', '2026-01-08T00:00:00.000Z']]);
    expect(sim.timeline[0]?.deferred?.reason).toBe('outside window');
  });

  it('reports every reason on the way: the due day, then each closed day', () => {
    const settings = { ...seoulWindow, holidays: ['KR'] };
    const sim = run(settings, [email('hello', 'Hi')], { start: '2025-10-03T10:00:00+09:00' });
    expect(sim.timeline[0]?.local).toBe('2025-10-10T09:00:00+09:00');
    expect(sim.timeline[0]?.deferred?.reason).toBe(
      'holiday: 개천절; weekend; holiday: 추석; holiday: 추석 (대체공휴일); holiday: 한글날',
    );
  });

  it('skips 추석 and its substitute day, naming the holiday', () => {
    const settings = { ...seoulWindow, holidays: ['KR'] };
    // Fri 2025-10-03 개천절, 10-04/05 weekend, 10-05..07 추석, 10-08 substitute, 10-09 한글날.
    const sim = run(settings, [email('hello', 'Hi')], { start: '2025-10-02T19:00:00+09:00' });
    const send = sim.timeline.find((e) => e.action === 'send');
    expect(send?.local).toBe('2025-10-10T09:00:00+09:00');
    expect(send?.deferred?.reason).toMatch(/holiday: 개천절/);
    expect(send?.deferred?.reason).toMatch(/holiday: 추석/);
    expect(send?.deferred?.reason).toMatch(/holiday: 한글날/);
  });

  it('sends at a fixed time on allowed days, in Berlin across the end of DST', () => {
    const settings: Settings = {
      timezone: 'Europe/Berlin',
      useContactTimezone: false,
      schedule: { days: [...weekdays], at: '09:30' },
      sender,
    };
    // Fri 2026-10-23 10:00 CEST is past 09:30; Mon 2026-10-26 09:30 is CET (UTC+1).
    const sim = run(settings, [email('hello', 'Hi')], { start: '2026-10-23T10:00:00+02:00' });
    expect(sends(sim.timeline)).toEqual([['hello', '2026-10-26T08:30:00.000Z']]);
    expect(sim.zone).toBe('Europe/Berlin');
    expect(sim.timeline[0]?.local).toBe('2026-10-26T09:30:00+01:00');
  });

  it('schedules in the contact zone unless told not to', () => {
    const newYorker = { ...minjun, timezone: 'America/New_York' };
    const own = run(seoulWindow, [email('hello', 'Hi')], {
      start: '2026-01-07T10:00:00+09:00',
      contact: newYorker,
    });
    // 10:00 KST is 20:00 EST the day before: the window opens at 09:00 EST = 14:00Z.
    expect(sends(own.timeline)).toEqual([['hello', '2026-01-07T14:00:00.000Z']]);
    const theirs = run({ ...seoulWindow, useContactTimezone: false }, [email('hello', 'Hi')], {
      start: '2026-01-07T10:00:00+09:00',
      contact: newYorker,
    });
    expect(sends(theirs.timeline)).toEqual([['hello', '2026-01-07T01:00:00.000Z']]);
  });

  it('falls back to the sequence zone when the contact zone is not a zone', () => {
    const sim = run(seoulWindow, [email('hello', 'Hi')], {
      start: '2026-01-07T10:00:00+09:00',
      contact: { ...minjun, timezone: 'Mars/Olympus' },
    });
    expect(sim.zone).toBe('Asia/Seoul');
  });
});

describe('delays', () => {
  const noSchedule: Settings = { timezone: 'America/New_York', useContactTimezone: false, sender };

  it('days keep the local clock time across the start of DST', () => {
    // Sat 2026-03-07 10:00 EST + 2 days = Mon 2026-03-09 10:00 EDT.
    const sim = run(noSchedule, [delay('wait', 2, 'days'), email('hello', 'Hi')], {
      start: '2026-03-07T10:00:00-05:00',
    });
    expect(sends(sim.timeline)).toEqual([['hello', '2026-03-09T14:00:00.000Z']]);
    expect(sim.timeline[0]).toMatchObject({ action: 'wait', until: '2026-03-09T14:00:00.000Z' });
  });

  it('hours are elapsed time across the DST gap', () => {
    // 00:30 EST + 3 h = 04:30 EDT (02:00-03:00 does not exist that night).
    const sim = run(noSchedule, [delay('wait', 3, 'hours'), email('hello', 'Hi')], {
      start: '2026-03-08T00:30:00-05:00',
    });
    expect(sends(sim.timeline)).toEqual([['hello', '2026-03-08T08:30:00.000Z']]);
  });

  it('weeks keep the clock time across the end of DST', () => {
    const sim = run(noSchedule, [delay('wait', 1, 'weeks'), email('hello', 'Hi')], {
      start: '2026-10-28T09:15:00-04:00',
    });
    expect(sends(sim.timeline)).toEqual([['hello', '2026-11-04T14:15:00.000Z']]);
  });

  it('days roll over month ends and leap days', () => {
    const seoul: Settings = { timezone: 'Asia/Seoul', sender };
    const jan = run(seoul, [delay('wait', 1, 'days'), email('hello', 'Hi')], {
      start: '2026-01-31T23:30:00+09:00',
    });
    expect(jan.timeline.at(-2)?.local).toBe('2026-02-01T23:30:00+09:00');
    const leap = run(seoul, [delay('wait', 1, 'days'), email('hello', 'Hi')], {
      start: '2028-02-28T12:00:00+09:00',
    });
    expect(leap.timeline.at(-2)?.local).toBe('2028-02-29T12:00:00+09:00');
    const year = run(seoul, [delay('wait', 2, 'days'), email('hello', 'Hi')], {
      start: '2026-12-31T08:00:00+09:00',
    });
    expect(year.timeline.at(-2)?.local).toBe('2027-01-02T08:00:00+09:00');
  });

  it('business days skip weekends and Korean holidays and keep the clock time', () => {
    const seoul: Settings = { timezone: 'Asia/Seoul', holidays: ['KR'], sender };
    // Thu 2025-10-02 10:00: 10-03 holiday, weekend, 10-06..09 holidays; 1st = Fri 10-10, 2nd = Mon 10-13.
    const sim = run(seoul, [delay('wait', 2, 'businessDays'), email('hello', 'Hi')], {
      start: '2025-10-02T10:00:00+09:00',
    });
    expect(sim.timeline.find((e) => e.action === 'send')?.local).toBe('2025-10-13T10:00:00+09:00');
  });

  it('business days follow the schedule days when there is a schedule', () => {
    const settings: Settings = {
      timezone: 'Asia/Seoul',
      schedule: { days: ['mon', 'wed'], start: '00:00', end: '24:00' },
      sender,
    };
    // Mon 2026-01-05 11:00 + 2 open days: Wed 01-07, Mon 01-12.
    const sim = run(settings, [delay('wait', 2, 'businessDays'), email('hello', 'Hi')], {
      start: '2026-01-05T11:00:00+09:00',
    });
    expect(sim.timeline.find((e) => e.action === 'send')?.local).toBe('2026-01-12T11:00:00+09:00');
  });

  describe('until a contact date', () => {
    const renewal = (offsetDays: number, ifPast?: 'continue' | 'exit') => ({
      id: 'before_end',
      type: 'delay' as const,
      data: {
        until: { field: 'contact.attributes.contract_end_date', offsetDays, at: '10:00' },
        ...(ifPast ? { ifPast } : {}),
      },
    });
    const seoul: Settings = { timezone: 'Asia/Seoul', sender };

    it('waits until the local date plus the offset, at the given time', () => {
      // 2026-03-31 - 30 days = 2026-03-01 10:00 KST.
      const sim = run(seoul, [renewal(-30), email('notice', 'D-30')], {
        start: '2026-01-10T09:00:00+09:00',
      });
      expect(sim.timeline[0]).toMatchObject({ action: 'wait', until: '2026-03-01T01:00:00.000Z' });
      expect(sends(sim.timeline)).toEqual([['notice', '2026-03-01T01:00:00.000Z']]);
    });

    it('reads an instant as a date in the enrollment zone', () => {
      // 2026-03-30T20:00Z is 2026-03-31 05:00 in Seoul.
      const contact = { ...minjun, attributes: { contract_end_date: '2026-03-30T20:00:00Z' } };
      const sim = run(seoul, [renewal(0), email('notice', 'Today')], {
        start: '2026-01-10T09:00:00+09:00',
        contact,
      });
      expect(sends(sim.timeline)).toEqual([['notice', '2026-03-31T01:00:00.000Z']]);
    });

    it('goes on at once when the date has passed (continue)', () => {
      const sim = run(seoul, [renewal(-30), email('notice', 'D-30')], {
        start: '2026-03-20T09:00:00+09:00',
      });
      expect(sends(sim.timeline)).toEqual([['notice', '2026-03-20T00:00:00.000Z']]);
    });

    it('ends when the date has passed and ifPast is exit', () => {
      const sim = run(seoul, [renewal(-30, 'exit'), email('notice', 'D-30')], {
        start: '2026-03-20T09:00:00+09:00',
      });
      expect(sim.status).toBe('completed');
      expect(sends(sim.timeline)).toEqual([]);
    });

    it('fails, saying which field, when the contact has no such date', () => {
      const sim = run(seoul, [renewal(-30), email('notice', 'D-30')], {
        start: '2026-01-10T09:00:00+09:00',
        contact: { ...minjun, attributes: {} },
      });
      expect(sim.status).toBe('failed');
      expect(sim.timeline.at(-1)?.note).toMatch(/contact\.attributes\.contract_end_date/);
    });
  });
});

describe('DST gaps and overlaps of a fixed send time', () => {
  const fixed = (at: string): Settings => ({
    timezone: 'America/New_York',
    useContactTimezone: false,
    schedule: { days: ['sun'], at },
    sender,
  });

  it('a time inside the spring-forward gap moves forward by the gap', () => {
    // Sun 2026-03-08 02:30 does not exist in New York: 03:30 EDT = 07:30Z.
    const sim = run(fixed('02:30'), [email('hello', 'Hi')], { start: '2026-03-07T12:00:00-05:00' });
    expect(sends(sim.timeline)).toEqual([['hello', '2026-03-08T07:30:00.000Z']]);
  });

  it('a time inside the fall-back overlap is its first occurrence', () => {
    // Sun 2026-11-01 01:30 happens twice: first at 01:30 EDT = 05:30Z.
    const sim = run(fixed('01:30'), [email('hello', 'Hi')], { start: '2026-10-31T12:00:00-04:00' });
    expect(sends(sim.timeline)).toEqual([['hello', '2026-11-01T05:30:00.000Z']]);
  });
});
