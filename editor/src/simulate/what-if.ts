import type { Contact, EventType, ScriptedEvent } from '@nudge/runtime/core';
import { simulate } from '@nudge/runtime/core';
import type { Sequence } from '@nudge/schema';
import { seededRandom } from './random.ts';
import { transitionKey } from './transition-key.ts';

export { transitionKey };

/**
 * "What if": the sequence run for many contacts at once, each doing each scripted event with a
 * probability ("30% open, 5% reply"), to see how many reach each step and how every branch
 * splits. Contacts are the given ones, varied to reach the number asked for. Each event a
 * contact does happens once, at a random moment within `eventWithinDays` of the start. Seeded:
 * the same request gives the same counts.
 */
export interface WhatIfRequest {
  sequence: Sequence;
  contacts: readonly Contact[];
  /** How many contacts to run, 1 to 10,000. */
  count: number;
  /** Probability of each event type, 0 to 1. */
  odds: Partial<Record<EventType, number>>;
  start: string;
  days: number;
  eventWithinDays?: number;
  seed?: number;
}

export interface WhatIfResult {
  count: number;
  /** How many contacts reached each step (by node id). */
  reached: Record<string, number>;
  /** How many contacts went from a step to the next, by `from → to` key (transitionKey). */
  moves: Record<string, number>;
  /** How many ended in each status (`active`: still going when the run stopped). */
  statuses: Record<string, number>;
  /** Contacts whose run failed, with the first error said. */
  failed: number;
  firstError?: string;
  ms: number;
}

export const WHAT_IF_LIMIT = 10_000;
const HOUR = 3_600_000;

export function whatIf(request: WhatIfRequest): WhatIfResult {
  const began = performance.now();
  const count = Math.max(1, Math.min(WHAT_IF_LIMIT, Math.floor(request.count)));
  const random = seededRandom(request.seed ?? 1);
  const start = Date.parse(request.start);
  const until = new Date(start + request.days * 24 * HOUR).toISOString();
  const within = (request.eventWithinDays ?? 14) * 24;
  const result: WhatIfResult = { count, reached: {}, moves: {}, statuses: {}, failed: 0, ms: 0 };
  const odds = Object.entries(request.odds) as Array<[EventType, number]>;
  // The entry step makes no timeline line: every contact is there, and leaves by its link.
  const entries = request.sequence.nodes.filter((n) => n.type === 'entry').map((n) => n.id);
  const links = request.sequence.edges ?? [];
  for (const entry of entries) result.reached[entry] = count;
  for (let i = 0; i < count; i++) {
    const contact = variant(request.contacts, i);
    const events: ScriptedEvent[] = [];
    for (const [type, p] of odds) {
      if (random() >= p) continue;
      const hours = 1 + Math.floor(random() * within);
      events.push({ type, at: new Date(start + hours * HOUR).toISOString() });
    }
    try {
      const run = simulate({
        sequence: request.sequence,
        contact,
        events,
        start: request.start,
        until,
      });
      const seen = new Set<string>();
      const first = run.timeline[0]?.node;
      const from = entries.find((e) => links.some((l) => l.source === e && l.target === first));
      let previous: string | null = from ?? null;
      for (const entry of run.timeline) {
        if (!seen.has(entry.node)) {
          seen.add(entry.node);
          result.reached[entry.node] = (result.reached[entry.node] ?? 0) + 1;
        }
        if (previous !== null && previous !== entry.node) {
          const key = transitionKey(previous, entry.node);
          result.moves[key] = (result.moves[key] ?? 0) + 1;
        }
        previous = entry.node;
      }
      result.statuses[run.status] = (result.statuses[run.status] ?? 0) + 1;
    } catch (error) {
      result.failed++;
      result.firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
  result.ms = Math.round(performance.now() - began);
  return result;
}

/** The i-th contact: the given ones in turn, each copy with an id and addresses of its own. */
function variant(contacts: readonly Contact[], i: number): Contact {
  const base = contacts[i % contacts.length] ?? {};
  if (i < contacts.length) return base;
  const n = Math.floor(i / contacts.length);
  return {
    ...base,
    id: `${base.id ?? 'contact'}-${n}`,
    ...(base.email ? { email: base.email.replace('@', `+${n}@`) } : {}),
  };
}
