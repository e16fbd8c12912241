/**
 * "When messages may go out": any time (no schedule), a send window (days, start, end) or a
 * fixed time (days, at), written exactly in the format's shape (FORMAT.md §2).
 */
import { type Schedule, WEEKDAYS, type Weekday } from '@nudge/schema';
import { isObject, objectOf } from './settings-edit.ts';

export type ScheduleKind = 'any' | 'window' | 'fixed';

export interface ScheduleView {
  kind: ScheduleKind;
  days: Weekday[];
  start: string;
  end: string;
  at: string;
}

/** What a new window or fixed time starts from: office hours on weekdays. */
export const OFFICE_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const OPENS = '09:00';
const CLOSES = '18:00';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The schedule as the form shows it. Like the validator, an "at" makes it a fixed time. */
export function readSchedule(schedule: unknown): ScheduleView {
  if (!isObject(schedule)) return { kind: 'any', days: [], start: '', end: '', at: '' };
  const days: unknown[] = Array.isArray(schedule.days) ? schedule.days : [];
  return {
    kind: 'at' in schedule ? 'fixed' : 'window',
    days: WEEKDAYS.filter((d) => days.includes(d)),
    start: text(schedule.start),
    end: text(schedule.end),
    at: text(schedule.at),
  };
}

/**
 * The schedule of another kind: undefined for any time; a window or a fixed time keeps the
 * days and the time already chosen (a window's start becomes the fixed time, and back).
 */
export function scheduleOfKind(schedule: unknown, kind: ScheduleKind): Schedule | undefined {
  if (kind === 'any') return undefined;
  const current = readSchedule(schedule);
  if (current.kind === kind) return schedule as Schedule;
  const days = current.kind === 'any' ? [...OFFICE_DAYS] : current.days;
  if (kind === 'fixed') return { days, at: current.start || OPENS };
  return { days, start: current.at || OPENS, end: CLOSES };
}

/** The schedule with `day` allowed or not; days are written in week order, Monday first. */
export function withDay(schedule: unknown, day: Weekday, allowed: boolean): Schedule {
  const days = new Set(readSchedule(schedule).days);
  if (allowed) days.add(day);
  else days.delete(day);
  return { ...objectOf(schedule), days: WEEKDAYS.filter((d) => days.has(d)) } as Schedule;
}

/**
 * The schedule with one of its times set as typed: a half-typed time is written too, so that
 * the validator's problem shows beside the field while the person types.
 */
export function withTime(schedule: unknown, key: 'start' | 'end' | 'at', value: string): Schedule {
  return { ...objectOf(schedule), [key]: value } as Schedule;
}
