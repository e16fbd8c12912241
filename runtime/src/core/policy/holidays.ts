/**
 * Public holiday calendars: date-holidays' public holidays, one entry per local date (the days
 * of multi-day holidays such as 설날 and 추석 each listed), with our corrections applied.
 * date-holidays computes a year in 1-25 ms (lunar and equinox rules are the slow ones), so each
 * (country, year) is computed once and kept.
 */
import Holidays from 'date-holidays';
import { DAY_MS, formatDay, parseDay } from './civil.ts';
import { CORRECTIONS, type HolidayDay, type ReportedDay } from './corrections.ts';

/** Names in the country's own language; date-holidays' default language for the others. */
const LANGUAGES: Readonly<Record<string, string>> = { KR: 'ko', JP: 'ja', US: 'en-us' };

/**
 * Countries whose multi-day holidays never reach a year's end, so that building a year needs
 * no look at the year before: KR's are 설날 (lunar month 1) and 추석 (month 8), and KR is the
 * slowest calendar to compute.
 */
const NEVER_CROSSES_YEAR = new Set(['KR']);

const MAX_YEARS = 1024;

let countries: ReadonlySet<string> | undefined;

/** Whether we have a public holiday calendar for this ISO 3166-1 alpha-2 code ("KR"). */
export function isHolidayCountry(code: string): boolean {
  countries ??= new Set(Object.keys(new Holidays().getCountries()));
  return countries.has(code);
}

interface Source {
  holidays: Holidays;
  /** Whether a holiday of year Y may have days in year Y+1 (a multi-day one in December). */
  crossesYear: boolean;
}

const sources = new Map<string, Source>();

function sourceOf(country: string): Source {
  let source = sources.get(country);
  if (source === undefined) {
    const language = LANGUAGES[country];
    const holidays = new Holidays(country, {
      types: ['public'],
      ...(language === undefined ? {} : { languages: [language] }),
    });
    // The typings declare getRules() as an empty class; the objects carry `rule` and `type`.
    const rules = holidays.getRules() as unknown as ReadonlyArray<{ rule: string; type?: string }>;
    const crossesYear =
      !NEVER_CROSSES_YEAR.has(country) &&
      rules.some((rule) => rule.type === 'public' && /\bP\d+D\b/.test(rule.rule));
    source = { holidays, crossesYear };
    sources.set(country, source);
  }
  return source;
}

const reportedCache = new Map<string, ReportedDay[]>();

/** Every day of every public holiday date-holidays lists for `year` (some may fall after it). */
function reported(country: string, year: number): ReportedDay[] {
  const key = `${country}:${year}`;
  let days = reportedCache.get(key);
  if (days === undefined) {
    days = [];
    for (const holiday of sourceOf(country).holidays.getHolidays(year)) {
      const first = parseDay(holiday.date.slice(0, 10));
      if (first === null) continue;
      // `date` is local ("2025-10-05 00:00:00"); the length is end - start, rounded to whole
      // days so that a DST change inside a multi-day holiday doesn't add or lose one.
      const [h = 0, m = 0, s = 0] = holiday.date.slice(11).split(':').map(Number);
      const startMs = ((h * 60 + m) * 60 + s) * 1000;
      const length = holiday.end.getTime() - holiday.start.getTime();
      const count = Math.max(1, Math.round((startMs + length) / DAY_MS));
      for (let i = 0; i < count; i++) {
        days.push({ date: formatDay(first + i), name: holiday.name, rule: holiday.rule });
      }
    }
    if (reportedCache.size >= MAX_YEARS) reportedCache.clear();
    reportedCache.set(key, days);
  }
  return days;
}

interface YearCalendar {
  list: ReadonlyArray<Readonly<HolidayDay>>;
  byDay: ReadonlyMap<number, string>;
}

const EMPTY: YearCalendar = { list: Object.freeze([]), byDay: new Map() };
const calendars = new Map<string, YearCalendar>();

/** Joins the names of one date: "어린이날, 부처님오신날"; a shared " (대체공휴일)" is said once. */
function joinNames(names: string[]): string {
  if (names.length === 1) return names[0] as string;
  const suffix = / \([^()]+\)$/.exec(names[0] as string)?.[0];
  if (suffix !== undefined && names.every((name) => name.endsWith(suffix))) {
    return `${names.map((name) => name.slice(0, -suffix.length)).join(', ')}${suffix}`;
  }
  return names.join(', ');
}

function build(country: string, year: number): YearCalendar {
  const correction = CORRECTIONS[country] ?? {};
  const prefix = `${year}-`;
  const candidates = sourceOf(country).crossesYear
    ? [...reported(country, year - 1), ...reported(country, year)]
    : reported(country, year);
  const days: HolidayDay[] = candidates.map((day) => correction.fix?.(day) ?? day);
  days.push(...(correction.add ?? []), ...(correction.extra?.(year) ?? []));
  const removed = new Set(correction.remove ?? []);
  const names = new Map<string, string[]>();
  for (const { date, name } of days) {
    if (!date.startsWith(prefix) || removed.has(date)) continue;
    const list = names.get(date);
    if (list === undefined) names.set(date, [name]);
    else if (!list.includes(name)) list.push(name);
  }
  const list = [...names.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, dayNames]) => Object.freeze({ date, name: joinNames(dayNames) }));
  const byDay = new Map(list.map(({ date, name }) => [parseDay(date) as number, name]));
  return { list: Object.freeze(list), byDay };
}

function calendarOf(country: string, year: number): YearCalendar {
  if (!Number.isInteger(year) || !isHolidayCountry(country)) return EMPTY;
  const key = `${country}:${year}`;
  let calendar = calendars.get(key);
  if (calendar === undefined) {
    calendar = build(country, year);
    if (calendars.size >= MAX_YEARS) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * The public holidays of a country in a year, corrected, sorted by date, one entry per date
 * (several holidays on one date share it: "어린이날, 부처님오신날"). Empty for a country we have
 * no calendar for.
 */
export function holidaysOf(
  country: string,
  year: number,
): ReadonlyArray<{ date: string; name: string }> {
  return calendarOf(country, year).list;
}

/** The holidays of a country in a year by day number (see civil.ts). */
export function holidaysByDay(country: string, year: number): ReadonlyMap<number, string> {
  return calendarOf(country, year).byDay;
}
