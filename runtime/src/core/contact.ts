import { checkContact } from '@nudge/schema';
import type { Contact, UpdateContactEffect } from './types.ts';

/**
 * Contact paths (FORMAT.md section 3): `contact.<field>`, `contact.owner.<field>`,
 * `contact.attributes.<key>[.<key>...]` and `contact.tags`.
 */

const own = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/** The value at a contact path, or undefined. Own properties only: paths come from users. */
export function readPath(contact: Contact, path: string): unknown {
  const keys = path.split('.');
  if (keys[0] !== 'contact') return undefined;
  let value: unknown = contact;
  for (let i = 1; i < keys.length && value !== undefined; i++)
    value = own(value, keys[i] as string);
  return value;
}

/** A copy of the contact with the update applied: null clears a field, tags are a set. */
export function applyUpdate(
  contact: Contact,
  update: Pick<UpdateContactEffect, 'set' | 'addTags' | 'removeTags'>,
): Contact {
  const next = structuredCopy(contact);
  for (const [path, value] of Object.entries(update.set)) writePath(next, path, value);
  if (update.addTags.length > 0 || update.removeTags.length > 0) {
    const tags = new Set(next.tags ?? []);
    for (const tag of update.addTags) tags.add(tag);
    for (const tag of update.removeTags) tags.delete(tag);
    next.tags = [...tags];
  }
  return next;
}

/**
 * What an update broke of the contact limits (LIMITS.contact), or null: a problem the contact
 * has after it and did not have before (a contact stored before the limits may break some
 * already, which an update that leaves them be does not make worse). update_contact values
 * are checked when the sequence is validated; this catches what only adds up over steps, such
 * as attributes past their count or size.
 */
export function newContactProblem(before: Contact, after: Contact): string | null {
  const checked = checkContact(after);
  if (checked.ok) return null;
  const old = checkContact(before);
  const known = new Set(old.ok ? [] : old.problems.map((p) => `${p.pointer} ${p.message}`));
  return checked.problems.find((p) => !known.has(`${p.pointer} ${p.message}`))?.message ?? null;
}

function writePath(contact: Contact, path: string, value: unknown): void {
  const keys = path.split('.').slice(1);
  let target = contact as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const inner = own(target, key);
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
      if (value === null) return;
      define(target, key, {});
    }
    target = target[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  if (value === null) delete target[last];
  else define(target, last, value);
}

/** Sets an own property, even one named `__proto__`: keys come from users. */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** A deep copy of plain JSON data (contacts are JSON). */
function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
