/**
 * Reading a step's data defensively. An opened file may hold anything in `data`: a form
 * shows a missing or mistyped field as empty (the validator says what is wrong beside it)
 * and, once the author edits, writes back data of the right shape.
 */

export type Loose = Record<string, unknown>;

export const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The data's fields; anything but an object reads as no fields. */
export const fieldsOf = (data: unknown): Loose => (isObject(data) ? data : {});

export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `value` when it is one of `values`, else `fallback` (what the form shows and would write). */
export function oneOf<T extends string>(value: unknown, values: readonly T[], fallback: T): T {
  return (values as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

/** The texts of a list, as written; other items are dropped. */
export const textsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * `data` with an optional field set, or left out when the author empties it (an empty
 * text, an empty list, false, undefined): absent is what the format's defaults mean, and
 * what an exported file should hold.
 */
export function withOptional<D extends object, K extends keyof D>(
  data: D,
  key: K,
  value: D[K] | undefined,
): D {
  const next = { ...data };
  const empty =
    value === undefined ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}
