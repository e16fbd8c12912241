/**
 * The send policy (FORMAT §4): when an automatic send may go out in a zone, given a schedule
 * and holiday calendars, and how delays count time there.
 *
 * Decisions:
 * - Each local day has at most one open interval [open, close) of instants: the window, the
 *   fixed minute, or the whole day without a schedule. Its ends are the instants of their local
 *   clock times on that day; a clock time in a spring-forward gap moves forward by the gap, in
 *   a fall-back overlap the earlier instant is used (Zone.fromWall).
 * - Without a schedule every instant is open except on the holidays of the listed countries:
 *   holidays are "skipped like closed days" (FORMAT §2), schedule or not.
 * - A day closed by `days` reports `weekend` (Saturday, Sunday) or `closed_day`, even when it is
 *   also a holiday: `holiday` is reported only when the holiday is what closes an allowed day.
 * - `outside_window` / `not_send_time` are reported for the due day only (due before the window
 *   or after it): waiting for the window to open on the first open day after closed days is not
 *   a reason of its own ("weekend", not "weekend; outside window").
 * - An unknown holiday country is ignored here; validation rejects it with isHolidayCountry.
 */
import type { TimeUnit } from '@nudge/schema';
import type { Deferral, DeferralReason } from '../types.ts';
import {
  DAY_MS,
  formatClock,
  formatDay,
  HOUR_MS,
  MINUTE_MS,
  parseClock,
  parseDay,
  weekdayOfDay,
  yearOfDay,
} from './civil.ts';
import { describeDeferral, Reasons } from './deferral.ts';
import { holidaysByDay, isHolidayCountry } from './holidays.ts';
import type { CompiledSchedule } from './schedule.ts';
import type { Zone } from './zone.ts';

export interface Opening {
  at: number;
  /** Null when `at` itself was open. */
  deferral: Deferral | null;
}

/** How far nextOpen and businessDays look before deciding the schedule can never open. */
const MAX_DAYS = 3 * 366;
const MAX_CACHED_YEARS = 64;

interface HolidayHit {
  country: string;
  name: string;
}

export class Policy {
  readonly zone: string;
  readonly #zone: Zone;
  readonly #schedule: CompiledSchedule;
  readonly #countries: readonly string[];
  /** Per year: the holidays of all listed countries, by day number (first country wins). */
  readonly #holidays = new Map<number, Map<number, HolidayHit>>();

  constructor(zone: Zone, schedule: CompiledSchedule, holidays: readonly string[]) {
    this.zone = zone.name;
    this.#zone = zone;
    this.#schedule = schedule;
    this.#countries = [...new Set(holidays)].filter(isHolidayCountry);
  }

  isOpen(at: number): boolean {
    const day = Math.floor(this.#zone.toWall(at) / DAY_MS);
    if (!this.#allowed(day, this.#schedule.days)) return false;
    if (this.#schedule.kind === 'none') return true;
    return this.#open(day) <= at && at < this.#close(day);
  }

  nextOpen(at: number): Opening {
    const reasons = new Reasons();
    const first = Math.floor(this.#zone.toWall(at) / DAY_MS);
    for (let day = first; day <= first + MAX_DAYS; day++) {
      const closed = this.#closedBecause(day);
      if (closed !== null) {
        reasons.add(closed);
        continue;
      }
      if (this.#schedule.kind === 'none') {
        // The whole day is open: the due instant itself, or the day's first instant.
        return this.#opening(at, day === first ? at : this.#open(day), reasons);
      }
      const open = this.#open(day);
      const close = this.#close(day);
      if (open >= close || (day === first && at >= close)) {
        // A window a DST change emptied, or due after the day's window / send time.
        reasons.add(this.#timeReason());
        continue;
      }
      if (day !== first) return this.#opening(at, open, reasons);
      if (at >= open) return this.#opening(at, at, reasons);
      reasons.add(this.#timeReason());
      return this.#opening(at, open, reasons);
    }
    throw new Error(
      `the send schedule never opens within 3 years after ${this.localTime(at)} in ${this.zone}: check its days and holidays`,
    );
  }

  after(from: number, amount: number, unit: TimeUnit): number {
    if (!Number.isFinite(amount)) throw new RangeError(`delay amount ${amount} is not a number`);
    switch (unit) {
      case 'minutes':
        return from + amount * MINUTE_MS;
      case 'hours':
        return from + amount * HOUR_MS;
      case 'days':
        return this.#shiftDays(from, amount);
      case 'weeks':
        return this.#shiftDays(from, amount * 7);
      case 'businessDays':
        return this.#businessDays(from, amount);
    }
  }

  onDate(date: string, offsetDays: number, time: string): number {
    const day = parseDay(date);
    if (day === null) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
    const minutes = parseClock(time, true);
    if (minutes === null) throw new RangeError(`"${time}" is not a time HH:MM`);
    if (!Number.isInteger(offsetDays))
      throw new RangeError(`offsetDays ${offsetDays} is not whole`);
    return this.#zone.fromWall((day + offsetDays) * DAY_MS + minutes * MINUTE_MS);
  }

  localDate(at: number): string {
    return formatDay(Math.floor(this.#zone.toWall(at) / DAY_MS));
  }

  localTime(at: number): string {
    const wall = this.#zone.toWall(at);
    // Offsets are whole minutes since the 1900s; dropping seconds of older ones is fine here.
    const offset = Math.round((wall - at) / MINUTE_MS);
    const sign = offset < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    return `${formatDay(Math.floor(wall / DAY_MS))}T${formatClock(wall)}${sign}${hh}:${mm}`;
  }

  #opening(from: number, at: number, reasons: Reasons): Opening {
    if (reasons.list.length === 0) return { at, deferral: null };
    return { at, deferral: { from, reasons: reasons.list, text: describeDeferral(reasons.list) } };
  }

  #timeReason(): DeferralReason {
    return { code: this.#schedule.kind === 'fixed' ? 'not_send_time' : 'outside_window' };
  }

  /** Whether a local day is one of `days` (a weekday bit set) and not a holiday. */
  #allowed(day: number, days: number): boolean {
    return (days & (1 << weekdayOfDay(day))) !== 0 && this.#holiday(day) === undefined;
  }

  /** Why a whole local day is closed, or null when the schedule may open on it. */
  #closedBecause(day: number): DeferralReason | null {
    const weekday = weekdayOfDay(day);
    if ((this.#schedule.days & (1 << weekday)) === 0) {
      return weekday >= 5 ? { code: 'weekend' } : { code: 'closed_day', date: formatDay(day) };
    }
    const hit = this.#holiday(day);
    if (hit === undefined) return null;
    return { code: 'holiday', holiday: hit.name, country: hit.country, date: formatDay(day) };
  }

  #holiday(day: number): HolidayHit | undefined {
    if (this.#countries.length === 0) return undefined;
    const year = yearOfDay(day);
    let hits = this.#holidays.get(year);
    if (hits === undefined) {
      hits = new Map();
      for (const country of this.#countries) {
        for (const [holiday, name] of holidaysByDay(country, year)) {
          if (!hits.has(holiday)) hits.set(holiday, { country, name });
        }
      }
      if (this.#holidays.size >= MAX_CACHED_YEARS) this.#holidays.clear();
      this.#holidays.set(year, hits);
    }
    return hits.get(day);
  }

  #open(day: number): number {
    return this.#zone.fromWall(day * DAY_MS + this.#schedule.start);
  }

  #close(day: number): number {
    // A whole day ends where the next one starts; 24:00 is the next day's 00:00.
    const end = this.#schedule.kind === 'none' ? DAY_MS : this.#schedule.end;
    return this.#zone.fromWall(day * DAY_MS + end);
  }

  /** The same local clock time `days` calendar days later. */
  #shiftDays(from: number, days: number): number {
    return this.#zone.fromWall(this.#zone.toWall(from) + days * DAY_MS);
  }

  /** Advances the local date by `amount` open business days, keeping the clock time. */
  #businessDays(from: number, amount: number): number {
    if (!Number.isInteger(amount)) throw new RangeError(`${amount} business days is not whole`);
    const wall = this.#zone.toWall(from);
    let day = Math.floor(wall / DAY_MS);
    const clock = wall - day * DAY_MS;
    const step = amount < 0 ? -1 : 1;
    let closedRun = 0;
    for (let left = Math.abs(amount); left > 0; ) {
      day += step;
      if (this.#allowed(day, this.#schedule.businessDays)) {
        left--;
        closedRun = 0;
      } else if (++closedRun > MAX_DAYS) {
        throw new Error(`no business day within 3 years after ${formatDay(day - MAX_DAYS)}`);
      }
    }
    return this.#zone.fromWall(day * DAY_MS + clock);
  }
}
