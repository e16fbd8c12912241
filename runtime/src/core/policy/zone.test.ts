import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from './civil.ts';
import { zoneOf } from './zone.ts';

// Zones with unusual rules: half-hour DST, midnight changes, DST suspended for Ramadan.
const ZONES = [
  'Asia/Seoul',
  'America/New_York',
  'Europe/Berlin',
  'UTC',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Africa/Casablanca',
  'Pacific/Chatham',
];
const FROM = Date.parse('2020-01-01T00:00:00Z');
const TO = Date.parse('2032-01-01T00:00:00Z');

describe('Zone.offsetAt', () => {
  it('agrees with Intl (through luxon) at any instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (name, at) => {
        expect(zoneOf(name).offsetAt(at)).toBe(IANAZone.create(name).offset(at) * MINUTE_MS);
      }),
      { numRuns: 1000 },
    );
  });

  it('changes at the exact millisecond', () => {
    const ny = zoneOf('America/New_York');
    const change = Date.parse('2026-03-08T07:00:00Z'); // 02:00 EST
    expect(ny.offsetAt(change - 1)).toBe(-5 * 60 * MINUTE_MS);
    expect(ny.offsetAt(change)).toBe(-4 * 60 * MINUTE_MS);
  });

  it('rejects names that are not zones', () => {
    expect(() => zoneOf('Mars/Olympus')).toThrow(RangeError);
    expect(() => zoneOf('+09:00')).toThrow(RangeError);
  });
});

describe('Zone.fromWall', () => {
  const wall = (iso: string) => Date.parse(`${iso}Z`);

  it('reads a clock time in a spring-forward gap shifted forward by the gap', () => {
    expect(zoneOf('America/New_York').fromWall(wall('2026-03-08T02:30:00'))).toBe(
      Date.parse('2026-03-08T03:30:00-04:00'),
    );
    expect(zoneOf('Europe/Berlin').fromWall(wall('2026-03-29T02:00:00'))).toBe(
      Date.parse('2026-03-29T03:00:00+02:00'),
    );
    // Lord Howe moves by half an hour.
    expect(zoneOf('Australia/Lord_Howe').fromWall(wall('2026-10-04T02:15:00'))).toBe(
      Date.parse('2026-10-04T02:45:00+11:00'),
    );
  });

  it('reads a clock time in a fall-back overlap as the earlier instant', () => {
    expect(zoneOf('America/New_York').fromWall(wall('2026-11-01T01:30:00'))).toBe(
      Date.parse('2026-11-01T01:30:00-04:00'),
    );
    expect(zoneOf('Europe/Berlin').fromWall(wall('2026-10-25T02:30:00'))).toBe(
      Date.parse('2026-10-25T02:30:00+02:00'),
    );
  });

  it('inverts toWall, preferring the earlier instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (name, at) => {
        const zone = zoneOf(name);
        const back = zone.fromWall(zone.toWall(at));
        expect(zone.toWall(back)).toBe(zone.toWall(at));
        expect(back).toBeLessThanOrEqual(at);
      }),
      { numRuns: 1000 },
    );
  });
});
