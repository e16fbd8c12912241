import type { Contact } from '@nudge/schema';

/**
 * The start time as the panel shows it: a `datetime-local` value on the wall clock of the
 * contact's zone, and back to an instant. Intl knows the zones (DST included); no core needed
 * on the page for this, so core stays in its worker.
 */
export function wallTime(instant: number, zone: string): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of format.formatToParts(new Date(instant))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant whose wall time in `zone` is `wall` (`2026-01-05T09:00`); null if unreadable. */
export function instantOf(wall: string, zone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const asUtc = Date.UTC(y as number, (mo as number) - 1, d, h, mi);
  // Guess with the offset at that moment, then correct once for a DST change in between.
  let guess = asUtc - offsetAt(asUtc, zone);
  guess = asUtc - offsetAt(guess, zone);
  return guess;
}

function offsetAt(instant: number, zone: string): number {
  const wall = wallTime(instant, zone);
  const [date, time] = wall.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - Math.floor(instant / 60_000) * 60_000;
}

/** The zone the sequence schedules this contact in (FORMAT.md section 2), as core decides. */
export function contactZone(
  settings: { timezone?: string; useContactTimezone?: boolean } | undefined,
  contact: Contact,
): string {
  const fallback = validZone(settings?.timezone) ? (settings?.timezone as string) : 'UTC';
  if (settings?.useContactTimezone === false) return fallback;
  return validZone(contact.timezone) ? (contact.timezone as string) : fallback;
}

function validZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
