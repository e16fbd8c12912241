/**
 * Instants as a person in the enrollment's zone reads them: `2026-01-05 Mon 09:00`, and the
 * zone's offset, `UTC+09:00`. Intl does the zone arithmetic (DST included), from the same
 * IANA data the simulator uses.
 */
export interface LocalTime {
  /** `2026-01-05` */
  date: string;
  /** `Mon` */
  weekday: string;
  /** `09:00`, or `09:00:30` when the seconds are not zero. */
  time: string;
  /** `UTC+09:00`, `UTC-04:00`, `UTC+00:00`. */
  offset: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formats.set(zone, format);
  }
  return format;
}

export function localTime(instant: string | number, zone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatIn(zone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const { year, month, day, weekday = '', hour, minute, second, timeZoneName = '' } = parts;
  return {
    date: `${year}-${month}-${day}`,
    weekday,
    time: second === '00' ? `${hour}:${minute}` : `${hour}:${minute}:${second}`,
    // Intl says GMT+09:00, and (depending on its ICU data) GMT or GMT+00:00 for UTC.
    offset: timeZoneName === 'GMT' ? 'UTC+00:00' : timeZoneName.replace(/^GMT/, 'UTC'),
  };
}
