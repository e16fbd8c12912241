import { describe, expect, it } from 'vitest';
import { parseInstant } from './instant.ts';

describe('parseInstant', () => {
  it('takes a date and time with Z or an offset, seconds and fractions optional', () => {
    expect(parseInstant('2026-01-05T09:00+09:00')).toBe(Date.UTC(2026, 0, 5, 0, 0));
    expect(parseInstant('2026-01-05T00:00:00Z')).toBe(Date.UTC(2026, 0, 5));
    expect(parseInstant('2026-01-05T00:00:00.123Z')).toBe(Date.UTC(2026, 0, 5, 0, 0, 0, 123));
    expect(parseInstant('2026-03-08T01:30:00-05:00')).toBe(Date.UTC(2026, 2, 8, 6, 30));
    expect(parseInstant('2028-02-29T12:00Z')).toBe(Date.UTC(2028, 1, 29, 12));
  });

  it.each([
    '2026-01-05',
    '2026-01-05T09:00',
    '2026-01-05 09:00Z',
    '2026-02-30T00:00Z',
    '2027-02-29T00:00Z',
    '2026-13-01T00:00Z',
    '2026-01-05T24:00Z',
    '2026-01-05T09:60Z',
    '2026-01-05T09:00+0900',
    '2026-01-05T09:00+24:00',
    'tomorrow',
    '',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});
