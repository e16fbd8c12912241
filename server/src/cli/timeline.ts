import {
  type Contact,
  describeEntry,
  type LocalTime,
  localTime,
  type SimulatedTimeline,
  statusPart,
  type TimelineEntry,
  type TimelinePart,
} from '@nudge/runtime/core';
import { type CliIo, paint } from './io.ts';
import { clean } from './report.ts';

export type { SimulatedTimeline };

export interface TimelineHeading {
  file: string;
  contact: Contact;
  /** When the simulation stopped, ISO 8601: said when the enrollment is still active. */
  until: string;
}

/**
 * The readable timeline of `nudge simulate`, in the enrollment's local time:
 *
 *   cold-mail.json — 김민준 <minjun@example.com>, Asia/Seoul (UTC+09:00)
 *   2026-01-05 Mon 09:00  send    welcome  email "김민준님, 넛지 김지훈입니다" (deferred from Sat 14:00: weekend)
 *   2026-01-05 Mon 09:00  wait    wait-3d  until Thu 09:00
 *   …
 *   status: completed
 *
 * Columns are padded by characters: node ids are ASCII, so everything up to the details lines
 * up; subjects and notes (often Korean, two columns wide) come last, where width doesn't
 * matter. Times carry their offset only when it changes along the timeline (DST).
 */
export function formatTimeline(
  simulation: SimulatedTimeline,
  heading: TimelineHeading,
  io: Pick<CliIo, 'color'>,
): string {
  const { zone, timeline } = simulation;
  const local = (instant: string) => localTime(instant, zone);
  const first = local(timeline[0]?.at ?? heading.until);
  const times = timeline.map((entry) => local(entry.at));
  const withOffset = new Set(times.map((time) => time.offset)).size > 1;
  const timeWidth = Math.max(0, ...times.map((time) => time.time.length));
  const nodeWidth = Math.max(0, ...timeline.map((entry) => entry.node.length));
  const lines = [
    `${clean(heading.file)} — ${clean(who(heading.contact))}, ${zone} (${first.offset})`,
  ];
  for (const [index, entry] of timeline.entries()) {
    const at = times[index] as LocalTime;
    const offset = withOffset ? ` ${at.offset}` : '';
    const when = `${at.date} ${at.weekday} ${at.time.padEnd(timeWidth)}${offset}`;
    const columns = [when, entry.action.padEnd(6), clean(entry.node).padEnd(nodeWidth)];
    const details = describe(entry, zone, io);
    lines.push([...columns, details].join('  ').trimEnd());
    for (const warning of entry.warnings ?? [])
      lines.push(
        `${' '.repeat(when.length + 2)}${paint(io, 'yellow')('warning')}: ${clean(warning)}`,
      );
  }
  lines.push(`status: ${paintPart(statusPart(simulation.status, heading.until, zone, 'en'), io)}`);
  return lines.map((line) => `${line}\n`).join('');
}

/** The contact as the heading names it: `name <email>`, or whatever identifies it. */
function who(contact: Contact): string {
  const { name, email, phone, id } = contact;
  if (name && email) return `${name} <${email}>`;
  return name || email || phone || (id ? `contact ${id}` : 'a contact with no name');
}

/** What happened, after the fixed columns: core's words, painted. */
function describe(entry: TimelineEntry, zone: string, io: Pick<CliIo, 'color'>): string {
  // Only what comes from the file needs cleaning, but the words are plain: clean it all, then paint.
  return describeEntry(entry, zone, 'en')
    .map((part) => paintPart(part, io))
    .join(' ');
}

function paintPart(part: TimelinePart, io: Pick<CliIo, 'color'>): string {
  const text = clean(part.text);
  if (part.tone === 'warning') return paint(io, 'yellow')(text);
  if (part.tone === 'muted') return paint(io, 'dim')(text);
  if (part.tone === 'good') return paint(io, 'green')(text);
  return text;
}
