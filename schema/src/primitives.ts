import { type Static, Type } from '@sinclair/typebox';
import { LIMITS } from './format.ts';

/** A string that is one of `values`, emitted as a JSON Schema `enum` (clearer errors than anyOf). */
export function StringEnum<const T extends readonly string[]>(values: T, description: string) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
}

/** Ids of nodes, edges and split branches: stable across edits and versions. */
export const NodeId = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,64}$',
  description: 'an id of 1-64 letters, digits, "_" or "-"',
});

export const SequenceId = Type.String({
  pattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
  description: 'a sequence id: a lowercase letter or digit, then up to 63 of a-z, 0-9, "_" or "-"',
});

const contactFields = 'id|email|phone|name|company|title|timezone|locale|unsubscribed|tags';
const ownerFields = 'owner\\.(name|email|phone)';
// At most LIMITS.rule.attributeKeys keys: a path is walked for every enrollee and in SQL.
const attribute = `attributes\\.[^.\\s]+(\\.[^.\\s]+){0,${LIMITS.rule.attributeKeys - 1}}`;

/** PATH of FORMAT.md section 3: a contact field a RULE can test. */
export const Path = Type.String({
  pattern: `^contact\\.(${contactFields}|${ownerFields}|${attribute})$`,
  maxLength: LIMITS.rule.pathChars,
  description: `a contact path: contact.<field> (id, email, phone, name, company, title, timezone, locale, unsubscribed, tags), contact.owner.<name|email|phone> or contact.attributes.<key> (up to ${LIMITS.rule.attributeKeys} keys: contact.attributes.<key>.<key>...; at most ${LIMITS.rule.pathChars} characters)`,
});

/**
 * A contact path that a step may write. Ids and tags are not set this way (tags have
 * addTags/removeTags), and consent is not a flow's to change: unsubscribing is an event.
 */
export const SettablePath = Type.String({
  pattern: `^contact\\.(email|phone|name|company|title|timezone|locale|${ownerFields}|${attribute})$`,
  maxLength: LIMITS.rule.pathChars,
  description:
    'a writable contact path: contact.<email|phone|name|company|title|timezone|locale>, contact.owner.<name|email|phone> or contact.attributes.<key>',
});

/** What a merge-variable alias may stand for: a contact path or another root of the context. */
export const VariablePath = Type.String({
  maxLength: LIMITS.rule.pathChars,
  pattern: `^(contact\\.(${contactFields}|${ownerFields}|${attribute})|owner\\.(name|email|phone)|sender\\.(name|email|replyTo)|sequence\\.name)$`,
  description:
    'a contact path, owner.<name|email|phone>, sender.<name|email|replyTo> or sequence.name',
});

export const VariableName = Type.String({
  pattern: '^(?!(contact|owner|sender|sequence)$)[\\p{L}_][\\p{L}\\p{N}_]*$',
  description:
    'a variable name of letters, digits and "_" (Korean included) that does not start with a digit and is not contact, owner, sender or sequence',
});

/**
 * A Liquid template. Its size limit is in UTF-8 bytes (LIMITS.templateBytes), which JSON
 * Schema can't express: the validator checks it, and the description says it.
 */
export const Liquid = (description: string, minLength = 1) =>
  Type.String({
    minLength,
    description: `${description} (Liquid, at most ${LIMITS.templateBytes / 1024} KiB of UTF-8)`,
  });

export const Email = Type.String({ format: 'email', description: 'an email address' });

export const TimeZone = Type.String({
  format: 'iana-time-zone',
  description: 'an IANA time zone such as "Asia/Seoul" or "UTC"',
});

export const ClockTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'a local time as HH:MM, 00:00 to 23:59',
});

/** The end of a send window may be 24:00, the end of the day. */
export const WindowEnd = Type.String({
  pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$',
  description: 'a local time as HH:MM, 00:01 to 24:00',
});

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = StringEnum(WEEKDAYS, 'a day of the week');
export type Weekday = Static<typeof Weekday>;

export const Days = Type.Array(Weekday, {
  minItems: 1,
  uniqueItems: true,
  description: 'the days of the week on which sends may go out',
});

export const TIME_UNITS = ['minutes', 'hours', 'days', 'weeks', 'businessDays'] as const;
export const TimeUnit = StringEnum(
  TIME_UNITS,
  'a unit of time: minutes and hours are elapsed time; days and weeks keep the local clock time across DST; businessDays count open days of the schedule (Mon-Fri without one) that are not holidays',
);
export type TimeUnit = Static<typeof TimeUnit>;

export const Duration = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, maximum: 100000, description: 'a whole number above 0' }),
    unit: TimeUnit,
  },
  { additionalProperties: false },
);
export type Duration = Static<typeof Duration>;

export const CountryCode = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'an ISO 3166-1 alpha-2 country code such as "KR" or "US"',
});

export const Tag = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'a tag of 1-64 characters',
});
