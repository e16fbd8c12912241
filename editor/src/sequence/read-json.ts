/**
 * Parses a file's text as JSON and, when it is not JSON, says where: browsers word
 * JSON.parse errors differently and not all give a position, so we find it ourselves.
 */

export interface JsonSyntaxError {
  /** 1-based line and column (in UTF-16 code units, as editors count). */
  line: number;
  column: number;
  offset: number;
  /** The character found where something else was expected; null at the end of the file. */
  found: string | null;
}

export type JsonReadResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

export function readJson(text: string): JsonReadResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    const offset = findSyntaxError(source) ?? 0;
    return {
      ok: false,
      error: { ...lineAndColumn(source, offset), offset, found: at(source, offset) },
    };
  }
}

function at(text: string, offset: number): string | null {
  return offset < text.length ? String.fromCodePoint(text.codePointAt(offset) ?? 0) : null;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON strings may not hold raw control characters (RFC 8259 section 7): that is the point here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: see above
const STRING_CHARS = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/**
 * The offset of the first syntax error (RFC 8259), or undefined when the text is JSON.
 * Iterative, so deeply nested input cannot overflow the stack.
 */
export function findSyntaxError(text: string): number | undefined {
  const open: string[] = [];
  let i = 0;
  let expect: 'value' | 'key' | 'after' = 'value';
  const skipSpace = () => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
  };
  const matchAt = (pattern: RegExp) => {
    pattern.lastIndex = i;
    return pattern.exec(text)?.[0].length ?? 0;
  };
  const scanString = (): boolean => {
    i++;
    i += matchAt(STRING_CHARS);
    if (text[i] !== '"') return false;
    i++;
    return true;
  };

  for (;;) {
    skipSpace();
    const c = text[i];
    if (expect === 'value') {
      if (c === '{' || c === '[') {
        open.push(c);
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          open.pop();
          i++;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
      } else if (c === '"') {
        if (!scanString()) return i;
        expect = 'after';
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        const length = matchAt(NUMBER);
        if (length === 0) return i + 1;
        i += length;
        expect = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (!literal) return i;
        i += literal.length;
        expect = 'after';
      }
    } else if (expect === 'key') {
      if (c !== '"' || !scanString()) return i;
      skipSpace();
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = open.at(-1);
      if (top === undefined) return i < text.length ? i : undefined;
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        open.pop();
        i++;
      } else return i;
    }
  }
}
