/**
 * The time zones the settings offer: every IANA zone the browser knows, with its current UTC
 * offset and its name in the UI language, and the search behind the time zone field.
 */
import { ZONE_KEYWORDS } from './zone-keywords.ts';

/** A zone as the time zone list shows it. */
export interface ZoneOption {
  /** The IANA name written to the file: "Asia/Seoul". */
  id: string;
  /** The offset from UTC at the moment the list was made, in minutes (Seoul: 540). */
  offsetMinutes: number;
  /** The same, as shown: "UTC+09:00". */
  offset: string;
  /** The zone's name in the UI language ("Korean Standard Time", "한국 표준시"), or "" when Intl has none. */
  name: string;
}

/**
 * Zones listed first while nothing is typed: Seoul for the many Korean teams, UTC (the format's
 * default), then the browser's own zone (see orderForBrowsing).
 */
export const PINNED_ZONES: readonly string[] = ['Asia/Seoul', 'UTC'];

let ids: readonly string[] | undefined;

/**
 * Every IANA zone name the platform supports, and UTC, which Intl leaves out of its list
 * although the format's default is "UTC". Alphabetical, as Intl gives them.
 */
export function timeZoneIds(): readonly string[] {
  if (ids === undefined) {
    const supported =
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    ids = supported.includes('UTC') ? supported : ['UTC', ...supported];
  }
  return ids;
}

/** Reads Intl's "GMT+9", "GMT-3:30" or "GMT" as minutes east of UTC; null when it is none of those. */
export function parseGmtOffset(text: string): number | null {
  if (text === 'GMT' || text === 'UTC') return 0;
  const match = /^(?:GMT|UTC)([+-−])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!match) return null;
  const sign = match[1] === '+' ? 1 : -1;
  return sign * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** "UTC+09:00", "UTC-03:30", "UTC+00:00". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

function zonePart(zone: string, language: string, style: 'shortOffset' | 'longGeneric', at: Date) {
  const parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: style });
  return parts.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** The zone's offset from UTC at `at`, in minutes; null for a name Intl does not know. */
export function offsetAt(zone: string, at: Date): number | null {
  try {
    return parseGmtOffset(zonePart(zone, 'en-US', 'shortOffset', at));
  } catch {
    return null;
  }
}

/**
 * The zone's generic name in `language` ("Eastern Time", "미 동부 시간"). Intl answers
 * "GMT+05:00" for zones it has no name for: that says nothing the offset doesn't, so "".
 */
export function zoneName(zone: string, language: string, at: Date): string {
  try {
    const name = zonePart(zone, language, 'longGeneric', at);
    return /^(GMT|UTC)([+-−]|$)/.test(name) ? '' : name;
  } catch {
    return '';
  }
}

const optionsCache = new Map<string, ZoneOption[]>();

/**
 * Every zone with its offset and name at `at`, in `language`. Intl makes a formatter per zone
 * (about 0.2 ms each, some 400 zones), so the list is made once per language and day.
 */
export function zoneOptions(language: string, at: Date = new Date()): ZoneOption[] {
  const key = `${language}|${at.toISOString().slice(0, 10)}`;
  let options = optionsCache.get(key);
  if (options === undefined) {
    options = timeZoneIds().map((id) => {
      const offsetMinutes = offsetAt(id, at) ?? 0;
      return {
        id,
        offsetMinutes,
        offset: formatOffset(offsetMinutes),
        name: zoneName(id, language, at),
      };
    });
    if (optionsCache.size > 8) optionsCache.clear();
    optionsCache.set(key, options);
  }
  return options;
}

/** One option for a zone, e.g. the current value when the list has no such zone. */
export function zoneOption(id: string, language: string, at: Date = new Date()): ZoneOption | null {
  const offsetMinutes = offsetAt(id, at);
  if (offsetMinutes === null) return null;
  return {
    id,
    offsetMinutes,
    offset: formatOffset(offsetMinutes),
    name: zoneName(id, language, at),
  };
}

/** Lower case, with "_" and runs of spaces as one space: "new_york" and "New York" read alike. */
function normal(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

/** The ways people write an offset: "utc+09:00", "utc+9", "gmt+9", "+9", "+09:00", "+0900". */
function offsetForms(minutes: number): string[] {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  const hh = String(h).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  const short = m === 0 ? `${sign}${h}` : `${sign}${h}:${mm}`;
  const long = `${sign}${hh}:${mm}`;
  return [
    `utc${long}`,
    `utc${short}`,
    `gmt${short}`,
    `gmt${long}`,
    long,
    short,
    `${sign}${hh}${mm}`,
  ];
}

/**
 * How well a zone matches a query, lower is better; null when it doesn't. The city is what
 * people type most ("seoul", "new york"), then the zone's name, the keywords, the offset.
 */
function rank(option: ZoneOption, query: string): number | null {
  const id = normal(option.id);
  const city = normal(option.id.slice(option.id.lastIndexOf('/') + 1));
  const keywords = (ZONE_KEYWORDS[option.id] ?? []).map(normal);
  if (id === query || city === query || keywords.includes(query)) return 0;
  if (city.startsWith(query)) return 1;
  if (keywords.some((k) => k.startsWith(query))) return 2;
  if (id.includes(query)) return 3;
  if (normal(option.name).includes(query) || keywords.some((k) => k.includes(query))) return 4;
  const compact = query.replace(/\s/g, '');
  if (/^(utc|gmt)?[+-]/.test(compact) && offsetForms(option.offsetMinutes).includes(compact))
    return 5;
  return null;
}

/**
 * The zones a query finds, best first; ties keep the browsing order (pinned zones first).
 * An empty query finds them all, in browsing order.
 */
export function searchZones(options: readonly ZoneOption[], query: string): ZoneOption[] {
  const q = normal(query);
  if (q === '') return [...options];
  const ranked: Array<{ option: ZoneOption; rank: number; index: number }> = [];
  options.forEach((option, index) => {
    const r = rank(option, q);
    if (r !== null) ranked.push({ option, rank: r, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.map((r) => r.option);
}

/**
 * The list to browse: the pinned zones, then the browser's own zone when it is another, then
 * every other zone alphabetically.
 */
export function orderForBrowsing(
  options: readonly ZoneOption[],
  browserZone?: string,
): ZoneOption[] {
  const first = [...PINNED_ZONES];
  if (browserZone && !first.includes(browserZone)) first.push(browserZone);
  const byId = new Map(options.map((o) => [o.id, o]));
  const head = first.flatMap((id) => byId.get(id) ?? []);
  const rest = options.filter((o) => !first.includes(o.id));
  return [...head, ...rest];
}

/** The zone this browser runs in, when Intl says. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
