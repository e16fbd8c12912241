/**
 * ISO 8601 instants as the CLI takes them: a date, a time and a zone offset, such as
 * `2026-01-05T09:00+09:00` or `2026-01-05T00:00:00.000Z`. The offset is required: without it a
 * time means something different on every machine. Date.parse alone would take `2026-02-30`
 * and roll it into March, so the parts are checked first.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or undefined when `text` is not such an instant. */
export function parseInstant(text: string): number | undefined {
  const match = ISO_INSTANT.exec(text);
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetH = 0, offsetM = 0] =
    match.slice(1).map((part) => Number(part ?? 0));
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetH <= 23 &&
    offsetM <= 59;
  if (!valid) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What an instant looks like, for messages. */
export const INSTANT_EXAMPLE = '2026-01-05T09:00+09:00';
