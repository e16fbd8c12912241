import type { Contact, Simulation, TimelineEntry } from '@nudge/runtime/core';
import { type CliIo, paint } from './io.ts';
import { type LocalTime, localTime } from './local-time.ts';
import { clean } from './report.ts';

/** What the timeline shows of a simulation (its other fields are the simulator's business). */
export type SimulatedTimeline = Pick<Simulation, 'status' | 'zone' | 'timeline'>;

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
    const details = describe(entry, at, local, io);
    lines.push([...columns, details].join('  ').trimEnd());
    for (const warning of entry.warnings ?? [])
      lines.push(
        `${' '.repeat(when.length + 2)}${paint(io, 'yellow')('warning')}: ${clean(warning)}`,
      );
  }
  lines.push(`status: ${status(simulation, local(heading.until), io)}`);
  return lines.map((line) => `${line}\n`).join('');
}

/** The contact as the heading names it: `name <email>`, or whatever identifies it. */
function who(contact: Contact): string {
  const { name, email, phone, id } = contact;
  if (name && email) return `${name} <${email}>`;
  return name || email || phone || (id ? `contact ${id}` : 'a contact with no name');
}

/** What happened, after the fixed columns. */
function describe(
  entry: TimelineEntry,
  at: LocalTime,
  local: (instant: string) => LocalTime,
  io: Pick<CliIo, 'color'>,
): string {
  const parts: string[] = [];
  switch (entry.action) {
    case 'send':
      parts.push(clean(entry.channel ?? entry.type));
      if (entry.subject !== undefined) parts.push(clean(JSON.stringify(entry.subject)));
      break;
    case 'task':
      if (entry.channel) parts.push(clean(`${entry.channel}, by hand:`));
      break;
    case 'branch':
      if (entry.handle !== undefined) parts.push(`→ ${clean(entry.handle)}`);
      break;
    case 'wait':
      parts.push(entry.until ? `until ${relative(local(entry.until), at)}` : 'until done');
      break;
    case 'exit':
      if (entry.status) parts.push(entry.status);
      break;
    default:
      break;
  }
  if (entry.skipped) parts.push(paint(io, 'yellow')(`not sent: ${clean(entry.skipped)}`));
  // A task's note is its title, the whole point of its line; elsewhere it explains.
  if (entry.note)
    parts.push(entry.action === 'task' ? clean(entry.note) : `— ${clean(entry.note)}`);
  if (entry.deferred) {
    const from = relative(local(entry.deferred.from), at);
    parts.push(paint(io, 'dim')(`(deferred from ${from}: ${clean(entry.deferred.reason)})`));
  }
  // Only what comes from the file is cleaned (above): the colours must stay.
  return parts.join(' ');
}

/** `time` as seen from `now`: the time alone on the same day, the weekday within a week. */
function relative(time: LocalTime, now: LocalTime): string {
  if (time.date === now.date) return time.time;
  const days = Math.abs(Date.parse(time.date) - Date.parse(now.date)) / 86_400_000;
  if (days < 7) return `${time.weekday} ${time.time}`;
  return `${time.date} ${time.weekday} ${time.time}`;
}

function status(simulation: SimulatedTimeline, until: LocalTime, io: Pick<CliIo, 'color'>): string {
  const { status } = simulation;
  if (status === 'active')
    return `active (still enrolled when the simulation stopped, ${until.date} ${until.weekday} ${until.time})`;
  const good = status === 'completed' || status === 'converted' || status === 'replied';
  return paint(io, good ? 'green' : 'yellow')(status);
}
