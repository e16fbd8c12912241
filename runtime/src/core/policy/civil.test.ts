import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  dateOfDay,
  dayOfDate,
  formatClock,
  formatDay,
  parseClock,
  parseDay,
  weekdayOfDay,
  yearOfDay,
} from './civil.ts';

describe('day numbers', () => {
  it('agree with Date.UTC and getUTCDay over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -150_000, max: 150_000 }), (day) => {
        const date = new Date(day * DAY_MS);
        const civil = dateOfDay(day);
        expect(civil).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(yearOfDay(day)).toBe(civil.year);
        expect(dayOfDate(civil.year, civil.month, civil.day)).toBe(day);
        expect(weekdayOfDay(day)).toBe((date.getUTCDay() + 6) % 7);
        expect(formatDay(day)).toBe(date.toISOString().slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });

  it('handle month ends and leap years', () => {
    expect(formatDay(dayOfDate(2026, 1, 31) + 1)).toBe('2026-02-01');
    expect(formatDay(dayOfDate(2028, 2, 28) + 1)).toBe('2028-02-29');
    expect(formatDay(dayOfDate(2027, 2, 28) + 1)).toBe('2027-03-01');
    expect(formatDay(dayOfDate(2100, 2, 28) + 1)).toBe('2100-03-01');
    expect(formatDay(dayOfDate(2000, 2, 28) + 1)).toBe('2000-02-29');
    expect(formatDay(dayOfDate(2026, 12, 31) + 1)).toBe('2027-01-01');
    expect(weekdayOfDay(dayOfDate(2026, 1, 5))).toBe(0); // a Monday
    expect(weekdayOfDay(dayOfDate(2026, 1, 4))).toBe(6); // a Sunday
  });
});

describe('parseDay', () => {
  it('reads real YYYY-MM-DD dates only', () => {
    expect(parseDay('2028-02-29')).toBe(dayOfDate(2028, 2, 29));
    expect(parseDay('1970-01-01')).toBe(0);
    for (const bad of [
      '2027-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-5',
      '2026-01-05T00:00',
      '',
    ]) {
      expect(parseDay(bad), bad).toBeNull();
    }
  });
});

describe('clock times', () => {
  it('parses HH:MM, 24:00 only where allowed', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('24:00', true)).toBe(1440);
    for (const bad of ['24:01', '9:30', '09:60', '25:00', '09:30:00']) {
      expect(parseClock(bad, true), bad).toBeNull();
    }
  });

  it('formats a wall time to the second, dropping milliseconds', () => {
    expect(formatClock(dayOfDate(2026, 1, 5) * DAY_MS + 9 * 3_600_000 + 5_999)).toBe('09:00:05');
    expect(formatClock(-1)).toBe('23:59:59');
  });
});
