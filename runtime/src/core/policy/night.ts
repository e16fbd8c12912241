/**
 * Quiet nights for advertising (정보통신망법 제50조 ③): an advertising send does not go out
 * between 21:00 and 08:00 in the contact's zone unless the contact consented to night-time
 * advertising. Wraps a send policy: a send due at night, or whose next opening falls at
 * night, waits for 08:00 local, then for whatever the schedule, days and holidays ask.
 */
import type { TimeUnit } from '@nudge/schema';
import type { DeferralReason } from '../types.ts';
import { DAY_MS, formatDay, HOUR_MS } from './civil.ts';
import { describeDeferral, Reasons } from './deferral.ts';
import type { Opening } from './policy.ts';
import type { Zone } from './zone.ts';

/** The night of advertising: [21:00, 08:00) local. */
export const NIGHT_STARTS = 21 * HOUR_MS;
export const NIGHT_ENDS = 8 * HOUR_MS;

interface Inner {
  readonly zone: string;
  isOpen(at: number): boolean;
  nextOpen(at: number): Opening;
  after(from: number, amount: number, unit: TimeUnit): number;
  onDate(date: string, offsetDays: number, time: string): number;
  localDate(at: number): string;
  localTime(at: number): string;
}

/** Each night moves a send on by a day at most: more turns than this, the schedule is stuck. */
const MOST_TURNS = 3 * 366;

export class QuietNights implements Inner {
  readonly zone: string;
  readonly #inner: Inner;
  readonly #zone: Zone;

  constructor(inner: Inner, zone: Zone) {
    this.zone = inner.zone;
    this.#inner = inner;
    this.#zone = zone;
  }

  /** Whether `at` is in the night, local time. */
  isNight(at: number): boolean {
    const clock = ((this.#zone.toWall(at) % DAY_MS) + DAY_MS) % DAY_MS;
    return clock >= NIGHT_STARTS || clock < NIGHT_ENDS;
  }

  /** 08:00 local that ends the night `at` is in. */
  #morningAfter(at: number): number {
    const wall = this.#zone.toWall(at);
    const day = Math.floor(wall / DAY_MS);
    const morning = wall - day * DAY_MS < NIGHT_ENDS ? day : day + 1;
    return this.#zone.fromWall(morning * DAY_MS + NIGHT_ENDS);
  }

  isOpen(at: number): boolean {
    return !this.isNight(at) && this.#inner.isOpen(at);
  }

  nextOpen(at: number): Opening {
    const reasons = new Reasons();
    let from = at;
    for (let turn = 0; turn < MOST_TURNS; turn++) {
      const opening = this.#inner.nextOpen(from);
      for (const reason of opening.deferral?.reasons ?? []) reasons.add(reason);
      if (!this.isNight(opening.at)) {
        if (reasons.list.length === 0) return { at: opening.at, deferral: null };
        const list = reasons.list;
        return {
          at: opening.at,
          deferral: { from: at, reasons: list, text: describeDeferral(list) },
        };
      }
      const night: DeferralReason = {
        code: 'night_ads',
        date: formatDay(Math.floor(this.#zone.toWall(opening.at) / DAY_MS)),
      };
      reasons.add(night);
      from = this.#morningAfter(opening.at);
    }
    throw new Error(
      `advertising sends never open outside 21:00-08:00 within 3 years after ${this.localTime(at)} in ${this.zone}: check the schedule`,
    );
  }

  after(from: number, amount: number, unit: TimeUnit): number {
    return this.#inner.after(from, amount, unit);
  }

  onDate(date: string, offsetDays: number, time: string): number {
    return this.#inner.onDate(date, offsetDays, time);
  }

  localDate(at: number): string {
    return this.#inner.localDate(at);
  }

  localTime(at: number): string {
    return this.#inner.localTime(at);
  }
}
