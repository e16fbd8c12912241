/**
 * What the settings form shows, read from whatever the opened file holds. A value of the wrong
 * type shows as its default (or empty): the validator's problem beside the field says what the
 * file really has, and the next edit of that field writes a good value.
 */
import { isObject, objectOf } from './settings-edit.ts';

export interface SettingsView {
  timezone: string;
  useContactTimezone: boolean;
  holidays: string[];
  sender: { name: string; email: string; replyTo: string };
  exit: { onReply: boolean; onBounce: boolean; onOpen: boolean; onClick: boolean; goal: unknown };
  enrollment: { allowReenroll: boolean; exclusiveGroup: string };
  tracking: { opens: boolean; clicks: boolean };
}

const text = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback;
const flag = (value: unknown, fallback: boolean): boolean =>
  typeof value === 'boolean' ? value : fallback;

export function readSettings(settings: unknown): SettingsView {
  const s = objectOf(settings);
  const sender = objectOf(s.sender);
  const exit = objectOf(s.exit);
  const enrollment = objectOf(s.enrollment);
  const tracking = objectOf(s.tracking);
  return {
    // Absent means UTC; a non-string shows empty rather than pretending to be UTC.
    timezone: s.timezone === undefined ? 'UTC' : text(s.timezone),
    useContactTimezone: flag(s.useContactTimezone, true),
    holidays: Array.isArray(s.holidays)
      ? s.holidays.filter((c): c is string => typeof c === 'string')
      : [],
    sender: { name: text(sender.name), email: text(sender.email), replyTo: text(sender.replyTo) },
    exit: {
      onReply: flag(exit.onReply, true),
      onBounce: flag(exit.onBounce, true),
      onOpen: flag(exit.onOpen, false),
      onClick: flag(exit.onClick, false),
      goal: exit.goal,
    },
    enrollment: {
      allowReenroll: flag(enrollment.allowReenroll, false),
      exclusiveGroup: text(enrollment.exclusiveGroup),
    },
    tracking: { opens: flag(tracking.opens, true), clicks: flag(tracking.clicks, true) },
  };
}

/** The sequence's name and description as text ("" for anything else). */
export function readBasics(sequence: { name?: unknown; description?: unknown }): {
  name: string;
  description: string;
} {
  return { name: text(sequence.name), description: text(sequence.description) };
}

/** Whether the file's settings are an object at all (else the form says so at the top). */
export function settingsAreObject(settings: unknown): boolean {
  return settings === undefined || isObject(settings);
}

/** The file's own merge-variable aliases that are text (for the rule editor's completions). */
export function aliasesIn(settings: unknown): Record<string, string> {
  const variables = objectOf(objectOf(settings).variables);
  return Object.fromEntries(
    Object.entries(variables).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
