import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendPolicy } from './index.ts';

const seoul = (
  quietNights: boolean,
  schedule: Parameters<typeof sendPolicy>[0]['schedule'] = null,
) => sendPolicy({ zone: 'Asia/Seoul', schedule, holidays: [], quietNights });

describe('quiet nights for advertising', () => {
  it('hold a send due between 21:00 and 08:00 until 08:00 local, and say why', () => {
    const opening = seoul(true).nextOpen(Date.parse('2026-03-02T22:30:00+09:00'));
    expect(seoul(true).localTime(opening.at)).toBe('2026-03-03T08:00:00+09:00');
    expect(opening.deferral?.reasons).toEqual([{ code: 'night_ads', date: '2026-03-02' }]);
    expect(opening.deferral?.text).toBe('no advertising at night (21:00-08:00)');
    const early = seoul(true).nextOpen(Date.parse('2026-03-03T06:00:00+09:00'));
    expect(seoul(true).localTime(early.at)).toBe('2026-03-03T08:00:00+09:00');
  });

  it('let a daytime send and a consenting contact’s night send go at once', () => {
    const noon = Date.parse('2026-03-02T12:00:00+09:00');
    expect(seoul(true).nextOpen(noon)).toEqual({ at: noon, deferral: null });
    const night = Date.parse('2026-03-02T23:00:00+09:00');
    expect(seoul(false).nextOpen(night)).toEqual({ at: night, deferral: null });
  });

  it('wait for the morning, then for the schedule: Friday night goes on Monday at the window', () => {
    const schedule = {
      days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
      start: '07:00',
      end: '22:00',
    };
    const policy = seoul(true, { ...schedule, days: [...schedule.days] });
    const opening = policy.nextOpen(Date.parse('2026-03-06T21:30:00+09:00'));
    expect(policy.localTime(opening.at)).toBe('2026-03-09T08:00:00+09:00');
    expect(opening.deferral?.reasons.map((r) => r.code)).toEqual(['night_ads', 'weekend']);
  });

  it('always open outside the night, never before the plain policy would, and open there', () => {
    const zones = ['Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2028-01-01') }),
        fc.constantFrom(...zones),
        fc.constantFrom(
          null,
          { days: ['mon', 'wed'], start: '06:00', end: '23:30' },
          { days: ['sat'], at: '22:00' },
        ),
        (at, zone, schedule) => {
          const options = { zone, schedule: schedule as never, holidays: ['KR'] };
          const quiet = sendPolicy({ ...options, quietNights: true });
          const plain = sendPolicy(options);
          let opening: { at: number } | undefined;
          try {
            opening = quiet.nextOpen(at);
          } catch {
            // A schedule open only at night (Saturday 22:00) never opens for advertising.
            expect(schedule && 'at' in schedule).toBe(true);
            return;
          }
          expect(opening.at).toBeGreaterThanOrEqual(plain.nextOpen(at).at);
          expect(quiet.isOpen(opening.at)).toBe(true);
          const clock = quiet.localTime(opening.at).slice(11, 16);
          expect(clock >= '08:00' && clock < '21:00').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
