import { LIMITS } from './format.ts';
import { escapePointerToken } from './problem.ts';
import { textProblem } from './text.ts';
import { isTimeZone } from './timezone.ts';

/**
 * A contact (FORMAT.md section 6), as the API upserts it and `nudge simulate --contact` reads
 * it: checked as strictly as a sequence, with a limit on every length (LIMITS.contact), since
 * each field ends up in an index or a message. contact.schema.ts is the same shape as JSON
 * Schema (a property test holds the two together).
 */
export interface Contact {
  id?: string;
  email?: string;
  phone?: string;
  name?: string;
  company?: string;
  title?: string;
  timezone?: string;
  locale?: string;
  owner?: ContactOwner;
  tags?: string[];
  attributes?: Record<string, unknown>;
  unsubscribed?: boolean;
}

/**
 * The attribute that says a contact consented to advertising at night (21:00-08:00 local):
 * `"attributes": { "nightAdsConsent": true }`. Without it, advertising sequences hold their
 * sends until 08:00 (정보통신망법 제50조 ③).
 */
export const NIGHT_ADS_CONSENT = 'nightAdsConsent';

/** Whether the contact consented to night-time advertising (only `true` counts). */
export function consentsToNightAds(contact: Pick<Contact, 'attributes'>): boolean {
  return contact.attributes?.[NIGHT_ADS_CONSENT] === true;
}

export interface ContactOwner {
  name: string;
  email: string;
  phone?: string;
}

/** A problem of a contact: where (a JSON pointer from the contact) and what, naming the field. */
export interface ContactProblem {
  pointer: string;
  message: string;
}

export type CheckedContact =
  | { ok: true; contact: Contact }
  | { ok: false; problems: ContactProblem[] };

const C = LIMITS.contact;

/** Emails as a contact may have them: one @, no spaces (looser than a sender's: IDN included). */
export const CONTACT_EMAIL = '^[^\\s@]+@[^\\s@]+$';
const EMAIL = new RegExp(CONTACT_EMAIL);

type Path = Array<string | number>;
type Report = (path: Path, message: string) => void;
/** Checks one property's value; `name` is how messages call it (`owner.email`, `tags[1]`). */
type Check = (value: unknown, path: Path, name: string, report: Report) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string of 1..max characters that can be stored; `what` completes "must be …". */
const text =
  (max: number, what = 'a string', test?: (value: string) => boolean): Check =>
  (value, path, name, report) => {
    if (typeof value !== 'string') {
      report(path, `"${name}" must be ${what}`);
      return;
    }
    const bad = textProblem(value);
    if (bad) {
      report(path, `"${name}" ${bad}`);
      return;
    }
    if (value.length === 0) {
      report(path, `"${name}" must not be empty`);
      return;
    }
    if (value.length > max) {
      report(path, `"${name}" is ${value.length} characters long; at most ${max} are allowed`);
      return;
    }
    if (test && !test(value)) report(path, `"${name}" must be ${what}`);
  };

const email = text(C.emailChars, 'an email address such as "minjun@example.com"', (v) =>
  EMAIL.test(v),
);
const zone = text(64, 'an IANA zone such as "Asia/Seoul"', isTimeZone);

const boolean: Check = (value, path, name, report) => {
  if (typeof value !== 'boolean') report(path, `"${name}" must be true or false`);
};

const tags: Check = (value, path, name, report) => {
  if (!Array.isArray(value)) {
    report(path, `"${name}" must be an array of strings`);
    return;
  }
  if (value.length > C.tags) {
    report(path, `"${name}" has ${value.length} tags; at most ${C.tags} are allowed`);
    return;
  }
  const tag = text(C.tagChars);
  value.forEach((item, i) => {
    tag(item, [...path, i], `${name}[${i}]`, report);
  });
};

/** An object with these properties, `required` ones included, and no others. */
function shape(fields: Record<string, Check>, required: readonly string[] = []): Check {
  const allowed = Object.keys(fields);
  return (value, path, name, report) => {
    const prefix = name ? `${name}.` : '';
    if (!isObject(value)) {
      report(path, `"${name}" must be an object with ${allowed.join(', ')}`);
      return;
    }
    for (const key of required)
      if (!Object.hasOwn(value, key)) report([...path, key], `"${prefix}${key}" is required`);
    for (const key of Object.keys(value)) {
      const check = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!check) {
        const shown = textProblem(key) ? JSON.stringify(key) : `"${prefix}${key}"`;
        report([...path, key], `unknown property ${shown} (allowed: ${allowed.join(', ')})`);
      } else check(value[key], [...path, key], `${prefix}${key}`, report);
    }
  };
}

const owner = shape({ name: text(C.textChars), email, phone: text(C.phoneChars) }, [
  'name',
  'email',
]);

const contactShape = shape({
  id: text(C.idChars),
  email,
  phone: text(C.phoneChars),
  name: text(C.textChars),
  company: text(C.textChars),
  title: text(C.textChars),
  timezone: zone,
  locale: text(C.localeChars),
  owner,
  tags,
  attributes: (value, path, name, report) => attributes(value, path, name, report),
  unsubscribed: boolean,
});

export function checkContact(value: unknown): CheckedContact {
  if (!isObject(value))
    return {
      ok: false,
      problems: [
        {
          pointer: '',
          message:
            'a contact is a JSON object such as {"name": "김민준", "email": "minjun@example.com", "timezone": "Asia/Seoul"}',
        },
      ],
    };
  const problems: ContactProblem[] = [];
  contactShape(value, [], '', (path, message) =>
    problems.push({ pointer: path.map((t) => `/${escapePointerToken(t)}`).join(''), message }),
  );
  return problems.length ? { ok: false, problems } : { ok: true, contact: value as Contact };
}

const utf8 = new TextEncoder();

/**
 * Attributes: any JSON object, bounded in every direction (keys, depth, items, string length,
 * total size), so that a contact stays small enough to index, copy into every step and render.
 * Iterative: the depth is checked before anything deeper is read. One problem at most.
 */
function attributes(value: unknown, path: Path, name: string, report: Report): void {
  if (!isObject(value)) {
    report(path, `"${name}" must be an object of names to values`);
    return;
  }
  const stack: Array<[unknown, Path, string, number]> = [[value, path, name, 1]];
  while (stack.length > 0) {
    const [item, at, label, depth] = stack.pop() as [unknown, Path, string, number];
    if (typeof item === 'string') {
      const bad = textProblem(item);
      if (bad) {
        report(at, `"${label}" ${bad}`);
        return;
      }
      if (item.length > C.attributeChars) {
        report(
          at,
          `"${label}" is ${item.length} characters long; an attribute's text may have at most ${C.attributeChars}`,
        );
        return;
      }
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (depth > C.attributeDepth) {
      report(at, `"${label}" nests deeper than ${C.attributeDepth} levels of attributes`);
      return;
    }
    if (Array.isArray(item)) {
      if (item.length > C.attributeItems) {
        report(at, `"${label}" has ${item.length} items; at most ${C.attributeItems} are allowed`);
        return;
      }
      item.forEach((v, i) => {
        stack.push([v, [...at, i], `${label}[${i}]`, depth + 1]);
      });
      continue;
    }
    const keys = Object.keys(item);
    if (keys.length > C.attributes) {
      report(at, `"${label}" has ${keys.length} properties; at most ${C.attributes} are allowed`);
      return;
    }
    for (const key of keys) {
      const bad = textProblem(key);
      if (bad) {
        report([...at, key], `the attribute name ${JSON.stringify(key)} ${bad}`);
        return;
      }
      if (key.length === 0 || key.length > C.attributeKeyChars) {
        report(
          [...at, key],
          `the attribute name "${key.slice(0, 80)}" must have 1 to ${C.attributeKeyChars} characters`,
        );
        return;
      }
      stack.push([
        (item as Record<string, unknown>)[key],
        [...at, key],
        `${label}.${key}`,
        depth + 1,
      ]);
    }
  }
  const bytes = utf8.encode(JSON.stringify(value)).length;
  if (bytes > C.attributeBytes)
    report(
      path,
      `"${name}" take ${bytes} bytes as JSON; a contact's attributes may take at most ${C.attributeBytes}`,
    );
}
