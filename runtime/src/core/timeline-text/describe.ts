import type { Simulation, TimelineEntry } from '../simulate.ts';
import type { EnrollmentStatus } from '../types.ts';
import { type LocalTime, localTime } from './local-time.ts';
import { TIMELINE_WORDS, type TimelineLanguage } from './words.ts';

/**
 * What a timeline line says after its time, action and step: one wording for `nudge simulate`
 * (English, painted by the CLI) and the editor's Simulate panel (English or Korean, styled
 * there). Parts carry a tone rather than a colour so each side shows it its own way.
 */
export interface TimelinePart {
  text: string;
  tone?: 'warning' | 'muted' | 'good';
}

/** What the timeline shows of a simulation (its other fields are the simulator's business). */
export type SimulatedTimeline = Pick<Simulation, 'status' | 'zone' | 'timeline'>;

/** Instants read in `zone`, with the weekday in the language's words. */
export function localClock(zone: string, lang: TimelineLanguage): (instant: string) => LocalTime {
  const { weekdays } = TIMELINE_WORDS[lang];
  return (instant) => {
    const time = localTime(instant, zone);
    return { ...time, weekday: weekdays[time.weekday] ?? time.weekday };
  };
}

/** `2026-01-05 Mon 09:00`, and the offset when asked (the zone's offset changes on the way). */
export function localText(time: LocalTime, withOffset = false): string {
  return `${time.date} ${time.weekday} ${time.time}${withOffset ? ` ${time.offset}` : ''}`;
}

/** The action's word: `send`, `wait`… or `발송`, `대기`… */
export function actionText(entry: TimelineEntry, lang: TimelineLanguage): string {
  return TIMELINE_WORDS[lang].actions[entry.action] ?? entry.action;
}

/** A channel's name: `email` in English (the CLI's word), `이메일` in Korean. */
function channelText(channel: string, lang: TimelineLanguage): string {
  const channels = TIMELINE_WORDS[lang].channels;
  return Object.hasOwn(channels, channel) ? (channels[channel] as string) : channel;
}

/** What happened at a line, after its fixed columns. */
export function describeEntry(
  entry: TimelineEntry,
  zone: string,
  lang: TimelineLanguage,
): TimelinePart[] {
  const words = TIMELINE_WORDS[lang];
  const local = localClock(zone, lang);
  const at = local(entry.at);
  const parts: TimelinePart[] = [];
  switch (entry.action) {
    case 'send':
      parts.push({ text: channelText(entry.channel ?? entry.type, lang) });
      if (entry.subject !== undefined) parts.push({ text: JSON.stringify(entry.subject) });
      break;
    case 'task':
      if (entry.channel) parts.push({ text: words.byHand(channelText(entry.channel, lang)) });
      break;
    case 'branch':
      if (entry.handle !== undefined) parts.push({ text: `→ ${entry.handle}` });
      break;
    case 'wait':
      parts.push({
        text: entry.until ? words.until(relative(local(entry.until), at)) : words.untilDone,
      });
      break;
    case 'exit':
      if (entry.status) parts.push({ text: words.statuses[entry.status] ?? entry.status });
      break;
    default:
      break;
  }
  if (entry.skipped)
    parts.push({ text: words.notSent(noteText(entry.skipped, lang)), tone: 'warning' });
  // A task's note is its title, the whole point of its line; elsewhere it explains.
  if (entry.note)
    parts.push({
      text: entry.action === 'task' ? entry.note : `— ${noteText(entry.note, lang)}`,
    });
  if (entry.deferred) {
    const from = relative(local(entry.deferred.from), at);
    parts.push({
      text: words.deferredFrom(from, deferralText(entry.deferred, lang)),
      tone: 'muted',
    });
  }
  return parts;
}

/** Why a send waited: the simulator's words, or the language's when it knows every reason. */
export function deferralText(
  deferred: NonNullable<TimelineEntry['deferred']>,
  lang: TimelineLanguage,
): string {
  const words = TIMELINE_WORDS[lang];
  const said = (deferred.reasons ?? []).map((reason) => words.reasons[reason.code]?.(reason));
  if (said.length === 0 || said.some((text) => text === undefined)) return deferred.reason;
  return said.join(words.reasonSeparator);
}

/** One of the simulator's notes in the language's words, when it has them. */
export function noteText(note: string, lang: TimelineLanguage): string {
  for (const [pattern, say] of TIMELINE_WORDS[lang].notes) {
    const match = pattern.exec(note);
    if (match) return say(...match.slice(1).map((part) => part ?? ''));
  }
  return note;
}

/** The line under the timeline: how the enrollment ended, or that it is still going. */
export function statusPart(
  status: EnrollmentStatus,
  until: string,
  zone: string,
  lang: TimelineLanguage,
): TimelinePart {
  const words = TIMELINE_WORDS[lang];
  if (status === 'active')
    return { text: words.stillActive(localText(localClock(zone, lang)(until))) };
  const good = status === 'completed' || status === 'converted' || status === 'replied';
  return { text: words.statuses[status] ?? status, tone: good ? 'good' : 'warning' };
}

/** `time` as seen from `now`: the time alone on the same day, the weekday within a week. */
export function relative(time: LocalTime, now: LocalTime): string {
  if (time.date === now.date) return time.time;
  const days = Math.abs(Date.parse(time.date) - Date.parse(now.date)) / 86_400_000;
  if (days < 7) return `${time.weekday} ${time.time}`;
  return localText(time);
}
