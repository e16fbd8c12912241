import { describe, expect, it } from 'vitest';
import { compileSchedule, scheduleKey } from './schedule.ts';

describe('compileSchedule', () => {
  it('turns days into bits from Monday and times into ms after midnight', () => {
    expect(compileSchedule({ days: ['mon', 'wed', 'sun'], start: '09:00', end: '24:00' })).toEqual({
      kind: 'window',
      days: 0b1000101,
      businessDays: 0b1000101,
      start: 9 * 3_600_000,
      end: 86_400_000,
    });
    expect(compileSchedule({ days: ['sat'], at: '09:30' })).toMatchObject({
      kind: 'fixed',
      start: 570 * 60_000,
      end: 571 * 60_000,
    });
    expect(compileSchedule(null)).toMatchObject({
      kind: 'none',
      days: 0b1111111,
      businessDays: 0b11111,
    });
  });

  it('rejects times that are not HH:MM and windows that end before they start', () => {
    expect(() => compileSchedule({ days: ['mon'], at: '24:00' })).toThrow(RangeError);
    expect(() => compileSchedule({ days: ['mon'], start: '9:00', end: '18:00' })).toThrow(
      RangeError,
    );
    expect(() => compileSchedule({ days: ['mon'], start: '18:00', end: '09:00' })).toThrow(
      'send window start 18:00 is not before its end 09:00',
    );
  });
});

describe('scheduleKey', () => {
  it('is equal for equal schedules and differs otherwise', () => {
    const a = scheduleKey({ days: ['mon', 'tue'], start: '09:00', end: '18:00' });
    expect(scheduleKey({ days: ['mon', 'tue'], start: '09:00', end: '18:00' })).toBe(a);
    expect(scheduleKey({ days: ['mon', 'tue'], at: '09:00' })).not.toBe(a);
    expect(scheduleKey({ days: ['mon'], start: '09:00', end: '18:00' })).not.toBe(a);
    expect(scheduleKey(null)).not.toBe(a);
  });
});
