import { escapePointerToken, pointerTokens } from '../problem.ts';
import { positionsAt, type TextPosition } from './position.ts';
import { scanJson } from './scan.ts';

/**
 * Where JSON pointers point in a JSON text: at the property name for an object member (where
 * a person looks for a typo), at the value otherwise. A pointer to something the text does not
 * have (a missing property) falls back to its nearest existing parent. One scan, which stops
 * once every pointer is found; pointers into a text that is not JSON get no position.
 */
export function locatePointers(
  text: string,
  pointers: readonly string[],
): Map<string, TextPosition> {
  const wanted = new Set<string>();
  for (const pointer of pointers) for (const prefix of prefixes(pointer)) wanted.add(prefix);
  const offsets = new Map<string, number>();
  const scanned = scanJson(text, (pointer, keyOffset, offset) => {
    if (wanted.has(pointer)) offsets.set(pointer, keyOffset ?? offset);
    return offsets.size < wanted.size;
  });
  const located = new Map<string, TextPosition>();
  if (!scanned.ok && offsets.size === 0) return located;
  const chosen = pointers.map((pointer) => {
    const found = prefixes(pointer).find((prefix) => offsets.has(prefix));
    return found === undefined ? 0 : (offsets.get(found) as number);
  });
  const positions = positionsAt(text, chosen);
  for (const [i, pointer] of pointers.entries()) located.set(pointer, positions[i] as TextPosition);
  return located;
}

/** A pointer and its parents, longest first: /a/b, /a, ''. */
function prefixes(pointer: string): string[] {
  const tokens = pointerTokens(pointer);
  const list: string[] = [];
  for (let n = tokens.length; n >= 0; n--)
    list.push(
      tokens
        .slice(0, n)
        .map((t) => `/${escapePointerToken(t)}`)
        .join(''),
    );
  return list;
}
