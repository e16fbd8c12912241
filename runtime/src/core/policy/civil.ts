/**
 * Civil (proleptic Gregorian) dates as day numbers: day 0 is 1970-01-01. A local date and a
 * wall-clock time together are a "wall" number, `day * DAY_MS + ms since local midnight`, the
 * same arithmetic as UTC instants but meaning local time. Integer math only: it is on the hot
 * path of the send policy and must not allocate Date or luxon objects.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Day number of a civil date (month 1..12). Howard Hinnant's days_from_civil. */
export function dayOfDate(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The civil date of a day number (civil_from_days). */
export function dateOfDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The year of a day number, without building the whole date. */
export function yearOfDay(dayNumber: number): number {
  return dateOfDay(dayNumber).year;
}

/** 0 = Monday … 6 = Sunday, the order of WEEKDAYS. 1970-01-01 was a Thursday. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function pad4(n: number): string {
  const s = String(Math.abs(n)).padStart(4, '0');
  return n < 0 ? `-${s}` : s;
}

/** YYYY-MM-DD of a day number. */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = dateOfDay(dayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** HH:MM:SS of a wall time's clock (milliseconds are dropped). */
export function formatClock(wall: number): string {
  const ms = wall - Math.floor(wall / DAY_MS) * DAY_MS;
  const seconds = Math.floor(ms / 1000);
  return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}

/** The day number of a strict YYYY-MM-DD date, or null when it is not a real date. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const n = dayOfDate(year, month, day);
  // 2026-02-30 would silently become March 2nd: reject dates that don't round-trip.
  return dateOfDay(n).month === month ? n : null;
}

/** Minutes since midnight of 'HH:MM' (00:00..23:59, or 24:00 when `allow24`), or null. */
export function parseClock(text: string, allow24 = false): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) return null;
  if (hours < 24) return hours * 60 + minutes;
  return allow24 && hours === 24 && minutes === 0 ? 24 * 60 : null;
}
