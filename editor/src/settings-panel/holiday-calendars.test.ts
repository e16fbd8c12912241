import { describe, expect, it } from 'vitest';
// The runtime's own check, by path: the editor does not depend on the runtime's package.
import { isHolidayCountry } from '../../../runtime/src/core/policy/holidays.ts';
import {
  CHECKED_CALENDARS,
  countryName,
  HOLIDAY_COUNTRIES,
  otherCalendars,
  shownCalendars,
  withCalendar,
} from './holiday-calendars.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const everyCode = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b));

describe('the holiday calendars offered', () => {
  it('are exactly the ones the runtime has', () => {
    // Every two-letter code, asked of the runtime: the list must hold those it knows, no other.
    expect(everyCode.filter(isHolidayCountry)).toEqual([...HOLIDAY_COUNTRIES].sort());
    expect(new Set(HOLIDAY_COUNTRIES).size).toBe(HOLIDAY_COUNTRIES.length);
  });

  it('put Korea, the United States and Japan first, named in the UI language', () => {
    expect(shownCalendars([])).toEqual(['KR', 'US', 'JP']);
    for (const code of CHECKED_CALENDARS) expect(HOLIDAY_COUNTRIES).toContain(code);
    expect(countryName('KR', 'ko')).toBe('대한민국');
    expect(countryName('KR', 'en')).toBe('South Korea');
    expect(countryName('US', 'ko')).toBe('미국');
  });

  it('show every other calendar a file chose, and offer the rest sorted by name', () => {
    expect(shownCalendars(['KR', 'DE', 'FR'])).toEqual(['KR', 'US', 'JP', 'DE', 'FR']);
    const others = otherCalendars(['DE'], 'en');
    expect(others.map((o) => o.code)).not.toContain('DE');
    expect(others.map((o) => o.code)).not.toContain('KR');
    expect(others).toHaveLength(HOLIDAY_COUNTRIES.length - 4);
    expect(others.find((o) => o.code === 'GB')?.name).toBe('United Kingdom');
    const names = others.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(otherCalendars([], 'ko').find((o) => o.code === 'VN')?.name).toBe('베트남');
  });

  it('turn on and off in the order chosen', () => {
    expect(withCalendar([], 'KR', true)).toEqual(['KR']);
    expect(withCalendar(['KR'], 'US', true)).toEqual(['KR', 'US']);
    expect(withCalendar(['KR', 'US'], 'KR', false)).toEqual(['US']);
    expect(withCalendar(['KR'], 'KR', true)).toEqual(['KR']);
  });
});
