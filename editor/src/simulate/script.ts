import type { EventType, ScriptedEvent } from '@nudge/runtime/core';

/** A scripted event as the panel edits it: "replied (on guide) after 5 days". */
export interface ScriptLine {
  key: number;
  type: EventType;
  /** The step whose message it concerns; empty for none. */
  node: string;
  /** After how long, counted from the start. */
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
}

const MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** The simulator's events for the panel's lines, from the start (ISO 8601 UTC). */
export function scriptedEvents(lines: readonly ScriptLine[], start: string): ScriptedEvent[] {
  const from = Date.parse(start);
  return lines
    .filter((line) => Number.isFinite(line.amount) && line.amount >= 0)
    .map((line) => ({
      type: line.type,
      at: new Date(from + line.amount * MS[line.unit]).toISOString(),
      ...(line.node ? { node: line.node } : {}),
    }));
}
