import { type Schedule, TIME_UNITS, WEEKDAYS, type Weekday } from '@nudge/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, formatDay, parseDay, weekdayOfDay } from './civil.ts';
import { holidaysOf, type SendPolicy, sendPolicy } from './index.ts';

const FROM = Date.parse('2025-01-01T00:00:00Z');
const TO = Date.parse('2027-12-31T23:59:59Z');
const QUARTER_HOUR = 15 * 60_000;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// Clock times on the quarter hour, plus odd minutes and the DST change hours.
const clockMinutes = fc.oneof(
  fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 60, max: 200 }),
);

const schedules: fc.Arbitrary<Schedule | null> = fc.oneof(
  fc.constant(null),
  fc
    .tuple(
      fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1 }),
      clockMinutes,
      fc.integer({ min: 1, max: 1440 }),
    )
    .map(([days, start, length]) => ({
      days,
      start: hhmm(Math.min(start, 1439)),
      end: hhmm(Math.min(Math.min(start, 1439) + length, 1440)),
    })),
  fc
    .tuple(fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1 }), clockMinutes)
    .map(([days, at]) => ({ days, at: hhmm(at) })),
);

interface Case {
  policy: SendPolicy;
  schedule: Schedule | null;
  holidays: string[];
}

const cases: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom('Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'UTC'),
    schedule: schedules,
    holidays: fc.subarray(['KR', 'US', 'JP']),
  })
  .map((options) => ({ ...options, policy: sendPolicy(options) }));

// Instants anywhere, on exact minutes, and around the DST changes of New York and Berlin.
const instants = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM / 60_000, max: Math.floor(TO / 60_000) }).map((m) => m * 60_000),
  fc
    .constantFrom(
      '2026-03-08T07:00:00Z',
      '2026-11-01T06:00:00Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T01:00:00Z',
    )
    .chain((iso) =>
      fc.integer({ min: -2 * DAY_MS, max: 2 * DAY_MS }).map((d) => Date.parse(iso) + d),
    ),
);

const clockOf = (policy: SendPolicy, at: number) => policy.localTime(at).slice(11, 19);

describe('nextOpen', () => {
  it('opens at or after the due time, at an open instant', () => {
    fc.assert(
      fc.property(cases, instants, ({ policy }, at) => {
        const opening = policy.nextOpen(at);
        expect(opening.at).toBeGreaterThanOrEqual(at);
        expect(policy.isOpen(opening.at)).toBe(true);
        // Moved exactly when the due instant was closed, and then says why.
        expect(opening.at === at).toBe(policy.isOpen(at));
        expect(opening.deferral === null).toBe(opening.at === at);
        if (opening.deferral !== null) {
          expect(opening.deferral.from).toBe(at);
          expect(opening.deferral.reasons.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('skips no open instant on the way', () => {
    fc.assert(
      fc.property(cases, instants, ({ policy, schedule }, at) => {
        const { at: open } = policy.nextOpen(at);
        if (open === at) return;
        const probes = [at, open - 1];
        for (let t = at; t < open; t += QUARTER_HOUR) probes.push(t);
        // Each day's exact opening clock time (the fixed minute, the window start).
        const times = schedule === null ? [] : 'at' in schedule ? [schedule.at] : [schedule.start];
        const last = parseDay(policy.localDate(open)) as number;
        for (let day = parseDay(policy.localDate(at)) as number; day <= last; day++) {
          for (const time of ['00:00', ...times])
            probes.push(policy.onDate(formatDay(day), 0, time));
        }
        for (const t of probes) {
          if (t >= at && t < open) expect(policy.isOpen(t), policy.localTime(t)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('after', () => {
  it('is monotonic in the amount, for every unit', () => {
    fc.assert(
      fc.property(
        cases,
        instants,
        fc.constantFrom(...TIME_UNITS),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        ({ policy }, from, unit, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(policy.after(from, low, unit)).toBeLessThanOrEqual(policy.after(from, high, unit));
          if (low < high)
            expect(policy.after(from, low, unit)).toBeLessThan(policy.after(from, high, unit));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps the local clock time and moves the date by N days or weeks', () => {
    fc.assert(
      fc.property(cases, instants, fc.integer({ min: 1, max: 60 }), ({ policy }, from, n) => {
        for (const [unit, days] of [
          ['days', n],
          ['weeks', 7 * n],
        ] as const) {
          const due = policy.after(from, n, unit);
          const date = parseDay(policy.localDate(due)) as number;
          expect(date - (parseDay(policy.localDate(from)) as number)).toBe(days);
          expectClockKept(policy, from, due);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lands business days on an open business day, N of them later, keeping the clock time', () => {
    fc.assert(
      fc.property(
        cases,
        instants,
        fc.integer({ min: 1, max: 30 }),
        ({ policy, schedule, holidays }, from, n) => {
          const due = policy.after(from, n, 'businessDays');
          // Recounted here from the definition: a day of the schedule (Mon-Fri without one)
          // that is not a holiday of any listed country.
          const business = (day: number) => {
            const weekday = WEEKDAYS[weekdayOfDay(day)] as Weekday;
            const allowed =
              schedule === null
                ? weekday !== 'sat' && weekday !== 'sun'
                : schedule.days.includes(weekday);
            const date = formatDay(day);
            const year = Number(date.slice(0, 4));
            return (
              allowed && !holidays.some((c) => holidaysOf(c, year).some((h) => h.date === date))
            );
          };
          const first = parseDay(policy.localDate(from)) as number;
          const last = parseDay(policy.localDate(due)) as number;
          expect(business(last)).toBe(true);
          let count = 0;
          for (let day = first + 1; day <= last; day++) if (business(day)) count++;
          expect(count).toBe(n);
          expectClockKept(policy, from, due);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Same clock time, unless that time does not exist on the new date (then it moved forward). */
function expectClockKept(policy: SendPolicy, from: number, due: number) {
  const clock = clockOf(policy, from);
  if (clockOf(policy, due) === clock) return;
  const date = policy.localDate(due);
  const exact = policy.onDate(date, 0, clock.slice(0, 5));
  expect(clockOf(policy, exact).slice(0, 5), `${clock} exists on ${date}`).not.toBe(
    clock.slice(0, 5),
  );
}
