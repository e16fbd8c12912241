/**
 * The send policy of the runtime core (FORMAT §4): send windows, fixed send times, allowed days,
 * public holidays, business days and DST, in the enrollment's zone. Pure and browser-safe.
 */
import type { Schedule, TimeUnit } from '@nudge/schema';
import { QuietNights } from './night.ts';
import { type Opening, Policy } from './policy.ts';
import { compileSchedule, scheduleKey } from './schedule.ts';
import { zoneOf } from './zone.ts';

export { describeDeferral } from './deferral.ts';
export { holidaysOf, isHolidayCountry } from './holidays.ts';
export type { Opening } from './policy.ts';

export interface SendPolicyOptions {
  /** The IANA zone to read local times in (the caller picks the contact's or the settings'). */
  zone: string;
  schedule: Schedule | null;
  /** ISO country codes whose public holidays are closed days. */
  holidays: readonly string[];
  /**
   * Hold sends between 21:00 and 08:00 local (night.ts): an advertising sequence, to a
   * contact who has not consented to night-time advertising.
   */
  quietNights?: boolean;
}

export interface SendPolicy {
  readonly zone: string;
  /** Whether an automatic send may go out at this instant. */
  isOpen(at: number): boolean;
  /** The first open instant at or after `at`, and why it moved (every distinct reason met on the way, in order). */
  nextOpen(at: number): Opening;
  /** A delay with a unit from `from` (FORMAT §4). */
  after(from: number, amount: number, unit: TimeUnit): number;
  /** The instant of local date `date` (YYYY-MM-DD) plus `offsetDays` at local `time` ('HH:MM'). */
  onDate(date: string, offsetDays: number, time: string): number;
  /** The local date of an instant, YYYY-MM-DD. */
  localDate(at: number): string;
  /** The instant in local time, ISO 8601 with offset, to the second: 2026-01-05T09:00:00+09:00. */
  localTime(at: number): string;
}

const MAX_POLICIES = 1024;
const policies = new Map<string, SendPolicy>();

/**
 * The send policy of a zone, schedule and holiday countries; memoised, as the interpreter asks
 * for it at every step. Throws a RangeError for an unknown zone or a malformed schedule.
 */
export function sendPolicy(options: SendPolicyOptions): SendPolicy {
  const quiet = options.quietNights === true;
  const key = `${options.zone}|${scheduleKey(options.schedule)}|${options.holidays.join(',')}|${quiet}`;
  let policy = policies.get(key);
  if (policy === undefined) {
    const zone = zoneOf(options.zone);
    const plain = new Policy(zone, compileSchedule(options.schedule), options.holidays);
    policy = quiet ? new QuietNights(plain, zone) : plain;
    if (policies.size >= MAX_POLICIES) policies.clear();
    policies.set(key, policy);
  }
  return policy;
}
