import { describe, expect, it } from 'vitest';
import {
  formatOffset,
  offsetAt,
  orderForBrowsing,
  parseGmtOffset,
  searchZones,
  timeZoneIds,
  zoneName,
  zoneOption,
  zoneOptions,
} from './time-zones.ts';

const WINTER = new Date('2026-01-15T12:00:00Z');
const SUMMER = new Date('2026-07-15T12:00:00Z');

describe('the list of time zones', () => {
  it("holds every zone Intl supports, and UTC, the format's default, once", () => {
    const ids = timeZoneIds();
    expect(ids).toContain('Asia/Seoul');
    expect(ids).toContain('America/New_York');
    expect(ids.filter((id) => id === 'UTC')).toHaveLength(1);
    expect(ids.length).toBeGreaterThan(300);
  });

  it('gives each zone its offset now, across DST', () => {
    expect(offsetAt('Asia/Seoul', WINTER)).toBe(540);
    expect(offsetAt('America/New_York', WINTER)).toBe(-300);
    expect(offsetAt('America/New_York', SUMMER)).toBe(-240);
    expect(offsetAt('Asia/Kathmandu', WINTER)).toBe(345);
    expect(offsetAt('America/St_Johns', WINTER)).toBe(-210);
    expect(offsetAt('UTC', WINTER)).toBe(0);
    expect(offsetAt('Mars/Base', WINTER)).toBeNull();
  });

  it('reads and writes offsets as people do', () => {
    expect(parseGmtOffset('GMT')).toBe(0);
    expect(parseGmtOffset('GMT+9')).toBe(540);
    expect(parseGmtOffset('GMT-3:30')).toBe(-210);
    expect(parseGmtOffset('Korean Standard Time')).toBeNull();
    expect(formatOffset(540)).toBe('UTC+09:00');
    expect(formatOffset(-210)).toBe('UTC-03:30');
    expect(formatOffset(0)).toBe('UTC+00:00');
  });

  it('names zones in the UI language, and leaves out names that only restate the offset', () => {
    expect(zoneName('Asia/Seoul', 'en', WINTER)).toBe('Korean Standard Time');
    expect(zoneName('Asia/Seoul', 'ko', WINTER)).toBe('한국 표준시');
    expect(zoneName('UTC', 'en', WINTER)).toBe('');
    expect(zoneOption('Asia/Seoul', 'ko', WINTER)).toEqual({
      id: 'Asia/Seoul',
      offsetMinutes: 540,
      offset: 'UTC+09:00',
      name: '한국 표준시',
    });
    expect(zoneOption('Mars/Base', 'en', WINTER)).toBeNull();
  });
});

describe('searching time zones', () => {
  const en = orderForBrowsing(zoneOptions('en', WINTER), 'Europe/Berlin');
  const ko = orderForBrowsing(zoneOptions('ko', WINTER));
  const ids = (query: string, options = en) => searchZones(options, query).map((o) => o.id);

  it('lists Seoul and UTC first, then the browser’s zone, when nothing is typed', () => {
    expect(ids('').slice(0, 3)).toEqual(['Asia/Seoul', 'UTC', 'Europe/Berlin']);
    expect(ids('')).toHaveLength(timeZoneIds().length);
    expect(new Set(ids('')).size).toBe(timeZoneIds().length);
  });

  it('finds a zone by its city, in any case, with a space or an underscore', () => {
    expect(ids('seoul')[0]).toBe('Asia/Seoul');
    expect(ids('SEOUL')[0]).toBe('Asia/Seoul');
    expect(ids('new york')[0]).toBe('America/New_York');
    expect(ids('new_york')[0]).toBe('America/New_York');
    expect(ids('los')).toContain('America/Los_Angeles');
  });

  it('finds a zone by its name in the UI language and by Korean city names', () => {
    expect(ids('korean standard')).toEqual(expect.arrayContaining(['Asia/Seoul']));
    expect(ids('한국 표준시', ko)).toContain('Asia/Seoul');
    expect(ids('서울', ko)[0]).toBe('Asia/Seoul');
    expect(ids('서울')[0]).toBe('Asia/Seoul');
    expect(ids('뉴욕', ko)[0]).toBe('America/New_York');
    expect(ids('kst')[0]).toBe('Asia/Seoul');
  });

  it('finds zones by offset, written the ways people write it', () => {
    for (const query of ['UTC+9', 'utc+09:00', 'GMT+9', '+09:00']) {
      const found = ids(query);
      expect(found, query).toContain('Asia/Seoul');
      expect(found, query).toContain('Asia/Tokyo');
      expect(found, query).not.toContain('Europe/Berlin');
    }
    const india = searchZones(en, 'UTC+5:30');
    expect(india.length).toBeGreaterThan(0);
    expect(india.every((o) => o.offsetMinutes === 330)).toBe(true);
  });

  it('finds nothing for a query no zone matches', () => {
    expect(ids('atlantis')).toEqual([]);
  });
});
