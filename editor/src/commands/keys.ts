/**
 * Key order. Objects keep their keys in the format's order (FORMAT.md), so that an exported
 * file reads as documented and diffs stay small; a key a command adds goes in its place.
 */

export const SEQUENCE_KEYS = [
  'format',
  'id',
  'name',
  'description',
  'settings',
  'nodes',
  'edges',
] as const;
export const STEP_KEYS = ['id', 'type', 'position', 'data'] as const;

/**
 * A copy of `object` with `key` set to `value`, or without it when `value` is undefined. An
 * existing key keeps its place; a new one goes before the first key that `order` puts after
 * it. Never assigns keys one by one: a "__proto__" key read from JSON must stay a plain key.
 */
export function withKey<T extends object>(
  object: T,
  key: string,
  value: unknown,
  order: readonly string[],
): T {
  if (value === undefined) {
    if (!Object.hasOwn(object, key)) return object;
    const { [key]: _removed, ...rest } = object as Record<string, unknown>;
    return rest as T;
  }
  if (Object.hasOwn(object, key)) return { ...object, [key]: value };
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  const entries = Object.entries(object);
  const at = entries.findIndex(([k]) => rank(k) > rank(key));
  entries.splice(at === -1 ? entries.length : at, 0, [key, value]);
  return Object.fromEntries(entries) as T;
}
