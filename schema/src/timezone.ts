const known = new Map<string, boolean>();

/**
 * Whether `zone` is an IANA time zone name ("Asia/Seoul", "UTC"), as the platform's Intl
 * knows it. Offsets such as "+09:00" are not zones: they have no DST rules.
 */
export function isTimeZone(zone: string): boolean {
  const cached = known.get(zone);
  if (cached !== undefined) return cached;
  let ok = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  if (ok) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      ok = false;
    }
  }
  if (known.size < 1000) known.set(zone, ok);
  return ok;
}
