/** A `settings.schedule` (FORMAT §2) turned into numbers the send policy can test quickly. */
import { type Schedule, WEEKDAYS } from '@nudge/schema';
import { MINUTE_MS, parseClock } from './civil.ts';

export interface CompiledSchedule {
  /** A window [start, end), a fixed minute [at, at + 1 min), or no schedule (any time). */
  kind: 'window' | 'fixed' | 'none';
  /** Bit i set: WEEKDAYS[i] is allowed (bit 0 = Monday). Every day without a schedule. */
  days: number;
  /** The days `businessDays` counts: the schedule's days, Monday to Friday without one. */
  businessDays: number;
  /** Milliseconds after local midnight. */
  start: number;
  end: number;
}

const EVERY_DAY = 0b1111111;
const MONDAY_TO_FRIDAY = 0b0011111;

function clock(text: string, what: string, allow24 = false): number {
  const minutes = parseClock(text, allow24);
  if (minutes === null) throw new RangeError(`send ${what} "${text}" is not a time HH:MM`);
  return minutes * MINUTE_MS;
}

export function compileSchedule(schedule: Schedule | null): CompiledSchedule {
  if (schedule === null) {
    return { kind: 'none', days: EVERY_DAY, businessDays: MONDAY_TO_FRIDAY, start: 0, end: 0 };
  }
  let days = 0;
  for (const day of schedule.days) {
    const index = WEEKDAYS.indexOf(day);
    if (index < 0) throw new RangeError(`"${day}" is not a day of the week (mon..sun)`);
    days |= 1 << index;
  }
  if ('at' in schedule) {
    // A whole minute, so that a worker waking a few milliseconds late still sends.
    const start = clock(schedule.at, 'time');
    return { kind: 'fixed', days, businessDays: days, start, end: start + MINUTE_MS };
  }
  const start = clock(schedule.start, 'window start');
  const end = clock(schedule.end, 'window end', true);
  if (start >= end) {
    throw new RangeError(
      `send window start ${schedule.start} is not before its end ${schedule.end}`,
    );
  }
  return { kind: 'window', days, businessDays: days, start, end };
}

/** A key that is equal for equal schedules, for memoising policies. */
export function scheduleKey(schedule: Schedule | null): string {
  if (schedule === null) return '-';
  const days = schedule.days.join(',');
  return 'at' in schedule ? `${days}@${schedule.at}` : `${days}@${schedule.start}-${schedule.end}`;
}
