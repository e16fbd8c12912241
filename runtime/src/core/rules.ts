import type { EventRule, FieldRule, Rule } from '@nudge/schema';
import { readPath } from './contact.ts';
import type { Contact, EnrollmentEvent } from './types.ts';

/**
 * RULE evaluation (FORMAT.md section 3): field tests on the contact, event tests on the
 * enrollment's own events, combined with all/any/not. A missing field fails every test but
 * `neq` (it is not equal to anything), so a rule never throws on sparse contacts.
 */
export function ruleHolds(
  rule: Rule,
  contact: Contact,
  events: readonly EnrollmentEvent[],
): boolean {
  if ('all' in rule) return rule.all.every((r) => ruleHolds(r, contact, events));
  if ('any' in rule) return rule.any.some((r) => ruleHolds(r, contact, events));
  if ('not' in rule) return !ruleHolds(rule.not, contact, events);
  if ('event' in rule) return eventHappened(rule, events);
  return fieldHolds(rule, readPath(contact, rule.field));
}

export function eventHappened(rule: EventRule, events: readonly EnrollmentEvent[]): boolean {
  return events.some(
    (e) =>
      e.type === rule.event &&
      (rule.node === undefined || e.node === rule.node) &&
      (rule.event !== 'custom' || e.name === rule.name),
  );
}

function fieldHolds(rule: FieldRule, actual: unknown): boolean {
  const { op, value } = rule;
  switch (op) {
    case 'exists':
      return present(actual);
    case 'eq':
      return Array.isArray(actual) ? sameArray(actual, value) : equal(actual, value);
    case 'neq':
      return !(Array.isArray(actual) ? sameArray(actual, value) : equal(actual, value));
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item) => equal(item, value));
      return (
        typeof actual === 'string' &&
        isScalar(value) &&
        actual.toLocaleLowerCase().includes(String(value).toLocaleLowerCase())
      );
    case 'in': {
      if (!Array.isArray(value)) return false;
      if (Array.isArray(actual)) return actual.some((a) => value.some((v) => equal(a, v)));
      return value.some((v) => equal(actual, v));
    }
    default: {
      const order = compare(actual, value);
      if (order === null) return false;
      if (op === 'gt') return order > 0;
      if (op === 'gte') return order >= 0;
      if (op === 'lt') return order < 0;
      return order <= 0;
    }
  }
}

const present = (v: unknown) =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Equality of scalars; a number equals its decimal string ("50" = 50), as CSV imports give. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return a !== undefined;
  if (typeof a === 'number' && typeof b === 'string') return numeric(b) === a;
  if (typeof a === 'string' && typeof b === 'number') return numeric(a) === b;
  return false;
}

function sameArray(a: unknown[], b: unknown): boolean {
  return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
}

const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function numeric(s: string): number | null {
  return NUMBER.test(s) ? Number(s) : null;
}

/** Orders numbers (or numeric strings) and ISO dates; anything else is not comparable. */
function compare(actual: unknown, value: unknown): number | null {
  const a =
    typeof actual === 'string' ? numeric(actual) : typeof actual === 'number' ? actual : null;
  const b = typeof value === 'string' ? numeric(value) : typeof value === 'number' ? value : null;
  if (a !== null && b !== null) return Math.sign(a - b);
  if (
    typeof actual === 'string' &&
    typeof value === 'string' &&
    DATE.test(actual) &&
    DATE.test(value)
  ) {
    const x = dateValue(actual);
    const y = dateValue(value);
    if (Number.isNaN(x) || Number.isNaN(y)) return null;
    return Math.sign(x - y);
  }
  return null;
}

/** A date-only string is midnight UTC, as Date.parse reads it; times without a zone read as UTC too. */
function dateValue(s: string): number {
  const iso = s.replace(' ', 'T');
  return Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso);
}
