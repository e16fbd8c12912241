/**
 * Text that can be stored: no NUL (PostgreSQL's text and jsonb refuse U+0000) and no lone
 * UTF-16 surrogate (not a character: it has no UTF-8 form, so PostgreSQL refuses it too, and
 * JSON.stringify writes it as an escape other tools choke on). JSON lets both through as
 * `\u0000` and `\ud800`, so every string that comes from a user is checked before storage.
 */

const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string, in words, or null when it can be stored. */
export function textProblem(text: string): string | null {
  const bad = badCharacter(text);
  if (!bad) return null;
  if (bad.character === '\\u0000')
    return `holds a NUL character (\\u0000) at character ${bad.position}`;
  return `holds a lone surrogate (${bad.character}) at character ${bad.position}, which is not text`;
}

/** The first character of a text that can't be stored, escaped ("\\ud800"), and where (from 1). */
export function badCharacter(text: string): { character: string; position: number } | null {
  const found = BAD_TEXT.exec(text);
  if (!found) return null;
  const code = found[0].charCodeAt(0).toString(16).padStart(4, '0');
  return { character: `\\u${code}`, position: found.index + 1 };
}

function badText(text: string) {
  const bad = badCharacter(text);
  return bad && { ...bad, problem: textProblem(text) as string };
}

export interface BadText {
  /** JSON pointer tokens to the string, or to the property whose name is bad. */
  path: Array<string | number>;
  /** True when the property's name is bad, not its value. */
  key: boolean;
  problem: string;
  /** The bad character, escaped ("\\u0000"), and its place in the string (from 1). */
  character: string;
  position: number;
}

/** The first string (value or property name) in a JSON value that can't be stored, or null. */
export function findBadText(value: unknown): BadText | null {
  return findBadTexts(value, 1)[0] ?? null;
}

/**
 * The strings (values or property names) in a JSON value that can't be stored, in document
 * order, at most `max`. Iterative, so that any depth is safe; it visits each value once.
 */
export function findBadTexts(value: unknown, max: number): BadText[] {
  const found: BadText[] = [];
  type Path = { parent: Path; key: string | number } | null;
  const tokens = (path: Path): Array<string | number> => {
    const out: Array<string | number> = [];
    for (let p = path; p; p = p.parent) out.push(p.key);
    return out.reverse();
  };
  // An entry is a value and where it is; `named` marks a property whose name is still unchecked.
  const stack: Array<[unknown, Path, boolean]> = [[value, null, false]];
  while (stack.length > 0) {
    const [item, path, named] = stack.pop() as [unknown, Path, boolean];
    if (named && path) {
      const bad = badText(path.key as string);
      if (bad && found.push({ path: tokens(path), key: true, ...bad }) >= max) break;
    }
    if (typeof item === 'string') {
      const bad = badText(item);
      if (bad && found.push({ path: tokens(path), key: false, ...bad }) >= max) break;
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    // Only what may hold bad text is pushed (with its path): a list of a hundred thousand
    // numbers, or of good strings, costs a loop and no paths. What is pushed is still found in
    // document order, as the stack gives it back.
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--)
        if (mayHoldBadText(item[i])) stack.push([item[i], { parent: path, key: i }, false]);
      continue;
    }
    const keys = Object.keys(item);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child = (item as Record<string, unknown>)[key];
      if (mayHoldBadText(child) || BAD_TEXT.test(key))
        stack.push([child, { parent: path, key }, true]);
    }
  }
  return found;
}

/** An object or array (to look into), or a string that can't be stored. */
function mayHoldBadText(value: unknown): boolean {
  if (typeof value === 'string') return BAD_TEXT.test(value);
  return typeof value === 'object' && value !== null;
}

/**
 * A string's size in UTF-8, as TextEncoder writes it (a lone surrogate as U+FFFD, 3 bytes),
 * without encoding it: the editor validates every template on every edit.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    // A surrogate pair: 4 bytes for its 2 code units.
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      bytes += 2;
      i++;
      continue;
    }
    bytes += 2;
  }
  return bytes;
}
