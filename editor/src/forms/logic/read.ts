/**
 * Reading a step's data as stored: an opened file may hold anything there. Forms read the
 * properties they know (a missing one shows empty) and write back only those, so the first
 * edit leaves the data in the shape of its type (the undo step before it keeps the rest).
 */
export type Loose = Record<string, unknown>;

export const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const asObject = (v: unknown): Loose => (isObject(v) ? v : {});

/** The properties of `data` among `keys`, those it has. */
export function pick(data: unknown, keys: readonly string[]): Loose {
  const from = asObject(data);
  const out: Loose = {};
  for (const key of keys) if (key in from) out[key] = from[key];
  return out;
}

/** `data` with `key` set to `value`, or without it when `value` is undefined. */
export function withKey(data: Loose, key: string, value: unknown): Loose {
  const { [key]: _, ...rest } = data;
  return value === undefined ? rest : { ...data, [key]: value };
}

export const text = (v: unknown): string => (typeof v === 'string' ? v : '');
