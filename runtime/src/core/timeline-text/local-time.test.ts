import { describe, expect, it } from 'vitest';
import { localTime } from './local-time.ts';

describe('localTime', () => {
  it('gives the date, weekday, time and offset in the zone', () => {
    expect(localTime('2026-01-04T15:00:00Z', 'Asia/Seoul')).toEqual({
      date: '2026-01-05',
      weekday: 'Mon',
      time: '00:00',
      offset: 'UTC+09:00',
    });
    expect(localTime(Date.UTC(2026, 5, 1, 0, 0, 30), 'Asia/Kolkata')).toEqual({
      date: '2026-06-01',
      weekday: 'Mon',
      time: '05:30:30',
      offset: 'UTC+05:30',
    });
    expect(localTime('2026-01-05T00:00:00Z', 'UTC').offset).toBe('UTC+00:00');
  });

  it('follows DST', () => {
    expect(localTime('2026-03-08T06:59:00Z', 'America/New_York')).toMatchObject({
      time: '01:59',
      offset: 'UTC-05:00',
    });
    expect(localTime('2026-03-08T07:00:00Z', 'America/New_York')).toMatchObject({
      time: '03:00',
      offset: 'UTC-04:00',
    });
  });
});
