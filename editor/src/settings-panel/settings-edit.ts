/**
 * Writing one setting into a sequence's `settings`, in the format's shape (FORMAT.md §2), with
 * every value that equals its default left out: exported files stay small and a diff shows
 * only what someone chose. An edit changes only what it touches: whatever else the opened file
 * held stays as it was (the validator shows it), so fixing one field never erases another.
 */
import type { Settings } from '@nudge/schema';

export type RawObject = Record<string, unknown>;

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A shallow copy of an object, or an empty one for anything else (an opened file may hold junk). */
export function objectOf(value: unknown): RawObject {
  return isObject(value) ? { ...value } : {};
}

/** The settings in the order FORMAT.md §2 lists them: files then read and diff the same way. */
const SETTING_ORDER = [
  'timezone',
  'useContactTimezone',
  'schedule',
  'holidays',
  'sender',
  'exit',
  'enrollment',
  'tracking',
  'advertising',
  'unsubscribeFooter',
  'variables',
] as const;

export type SettingKey = (typeof SETTING_ORDER)[number];

/** Defaults of the top-level settings that have a plain value (schedule and sender have none: absent is the default). */
const DEFAULTS: Partial<Record<SettingKey, unknown>> = {
  timezone: 'UTC',
  useContactTimezone: true,
  advertising: false,
  unsubscribeFooter: false,
};

/** The defaults inside the grouped settings, in the format's order. */
export const GROUP_DEFAULTS = {
  exit: { onReply: true, onBounce: true, onOpen: false, onClick: false, goal: undefined },
  enrollment: { allowReenroll: false, exclusiveGroup: null },
  tracking: { opens: true, clicks: true },
} as const;

export type SettingGroup = keyof typeof GROUP_DEFAULTS;

/** Whether a value says nothing more than leaving it out: its default, an empty list or object. */
function isDefault(value: unknown, fallback: unknown): boolean {
  if (value === undefined || value === fallback) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

/** The object's keys in `order` first, then any others as they were. */
function ordered(object: RawObject, order: readonly string[]): RawObject {
  const out: RawObject = {};
  for (const key of order) if (key in object) out[key] = object[key];
  for (const key of Object.keys(object)) if (!(key in out)) out[key] = object[key];
  return out;
}

/** Settings with nothing left in them are no settings: the key leaves the file. */
function settingsOrNone(object: RawObject): Settings | undefined {
  if (Object.keys(object).length === 0) return undefined;
  // Typed as Settings for the document; keys this edit did not touch are as the file had them.
  return ordered(object, SETTING_ORDER) as Settings;
}

/**
 * `settings` with `key` set to `value`, or left out when `value` is undefined or its default
 * (an empty list or object included). Undefined when nothing remains.
 */
export function withSetting<K extends SettingKey>(
  settings: unknown,
  key: K,
  value: Settings[K] | undefined,
): Settings | undefined {
  const next = objectOf(settings);
  if (isDefault(value, DEFAULTS[key])) delete next[key];
  else next[key] = value;
  return settingsOrNone(next);
}

/**
 * `settings` with one value of a group (exit, enrollment, tracking) set, or left out when it
 * is the default; the group leaves the file when nothing remains in it.
 */
export function withGroupValue<G extends SettingGroup>(
  settings: unknown,
  group: G,
  key: keyof (typeof GROUP_DEFAULTS)[G] & string,
  value: unknown,
): Settings | undefined {
  const defaults: Record<string, unknown> = GROUP_DEFAULTS[group];
  const inner = objectOf(objectOf(settings)[group]);
  if (value === undefined || value === defaults[key]) delete inner[key];
  else inner[key] = value;
  const next = objectOf(settings);
  if (Object.keys(inner).length === 0) delete next[group];
  else next[group] = ordered(inner, Object.keys(defaults));
  return settingsOrNone(next);
}
