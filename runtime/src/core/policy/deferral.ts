/** Why a send moved later, in data (DeferralReason) and in words. */
import type { DeferralReason } from '../types.ts';

function reasonText(reason: DeferralReason): string {
  switch (reason.code) {
    case 'outside_window':
      return 'outside window';
    case 'not_send_time':
      return 'not the send time';
    case 'weekend':
      return 'weekend';
    case 'closed_day':
      return 'closed day';
    case 'holiday':
      return `holiday: ${reason.holiday ?? 'unnamed'}`;
    case 'night_ads':
      return 'no advertising at night (21:00-08:00)';
  }
}

/** The reasons in words, in order: "outside window; weekend; holiday: 추석". */
export function describeDeferral(reasons: readonly DeferralReason[]): string {
  return reasons.map(reasonText).join('; ');
}

/** Collects the distinct reasons (by code and holiday name) in the order they are met. */
export class Reasons {
  readonly list: DeferralReason[] = [];
  readonly #seen = new Set<string>();

  add(reason: DeferralReason): void {
    const key = reason.code === 'holiday' ? `holiday:${reason.holiday}` : reason.code;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push(reason);
  }
}
