import type { TFunction } from 'i18next';
import type { Stayed } from './api.ts';

/*
 * Why enrollees stayed on their version, as a publish answers it: the runtime's reasons are
 * English sentences (core/move.ts); the common ones are said in the UI's language.
 */

/** Each reason once, with how many of the listed enrollees gave it; the most common first. */
export function groupReasons(stayed: Stayed[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const s of stayed) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/**
 * The server's reason, in the UI's language for the reasons a publish gives most (a removed step
 * nobody chose a place for); any other is shown as the server wrote it.
 */
export function reasonText(reason: string, t: TFunction): string {
  const missing = /^node "(.*)" is not in version (\d+); map it in "migrate"$/.exec(reason);
  if (missing)
    return t('document.publish.result.notInVersion', { step: missing[1], version: missing[2] });
  const mapped = /^"(.*)" maps to "(.*)", which is not in version (\d+)$/.exec(reason);
  if (mapped)
    return t('document.publish.result.mappedAway', {
      step: mapped[1],
      target: mapped[2],
      version: mapped[3],
    });
  return reason;
}
