import type { Contact } from '@nudge/runtime/core';
import { isTimeZone } from '@nudge/schema';

/**
 * The contact file of `nudge simulate` (FORMAT.md section 6), checked as strictly as a
 * sequence: an unknown property is a typo that would otherwise silently render empty. Each
 * problem names the property, `"owner.email" must be …`; the caller puts the file in front.
 */
export type CheckedContact = { ok: true; contact: Contact } | { ok: false; problems: string[] };

/** Checks one property's value; returns its problems (none when it is fine). */
type Check = (value: unknown, name: string) => string[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (value, name) =>
  typeof value === 'string' ? [] : [`"${name}" must be a string`];

const email: Check = (value, name) =>
  typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value)
    ? []
    : [`"${name}" must be an email address such as "minjun@example.com"`];

const zone: Check = (value, name) =>
  typeof value === 'string' && isTimeZone(value)
    ? []
    : [`"${name}" must be an IANA zone such as "Asia/Seoul"`];

const boolean: Check = (value, name) =>
  typeof value === 'boolean' ? [] : [`"${name}" must be true or false`];

const strings: Check = (value, name) => {
  if (!Array.isArray(value)) return [`"${name}" must be an array of strings`];
  return value.flatMap((item, i) => string(item, `${name}[${i}]`));
};

const object: Check = (value, name) =>
  isObject(value) ? [] : [`"${name}" must be an object of names to values`];

/** An object with these properties, `required` ones included, and no others. */
function shape(fields: Record<string, Check>, required: readonly string[] = []): Check {
  const allowed = Object.keys(fields);
  return (value, name) => {
    const prefix = name ? `${name}.` : '';
    if (!isObject(value)) return [`"${name}" must be an object with ${allowed.join(', ')}`];
    const missing = required
      .filter((key) => !Object.hasOwn(value, key))
      .map((key) => `"${prefix}${key}" is required`);
    const present = Object.keys(value).flatMap((key) => {
      const check = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!check) return [`unknown property "${prefix}${key}" (allowed: ${allowed.join(', ')})`];
      return check(value[key], `${prefix}${key}`);
    });
    return [...missing, ...present];
  };
}

const owner = shape({ name: string, email, phone: string }, ['name', 'email']);

const contactShape = shape({
  id: string,
  email,
  phone: string,
  name: string,
  company: string,
  title: string,
  timezone: zone,
  locale: string,
  owner,
  tags: strings,
  attributes: object,
  unsubscribed: boolean,
});

export function checkContact(value: unknown): CheckedContact {
  if (!isObject(value))
    return {
      ok: false,
      problems: [
        'a contact is a JSON object such as {"name": "김민준", "email": "minjun@example.com", "timezone": "Asia/Seoul"}',
      ],
    };
  const problems = contactShape(value, '');
  return problems.length ? { ok: false, problems } : { ok: true, contact: value as Contact };
}
