/**
 * A place in a text, as editors count it: `line` and `column` start at 1, a line ends at
 * `\n`, `\r\n` or `\r`, and a column counts Unicode code points (an emoji is one column).
 * `offset` is the index in the JavaScript string.
 */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/** The positions of many offsets, found in one pass over the text (any order, repeats allowed). */
export function positionsAt(text: string, offsets: readonly number[]): TextPosition[] {
  const order = offsets.map((offset, index) => ({ offset: clamp(offset, text.length), index }));
  order.sort((a, b) => a.offset - b.offset);
  const found: TextPosition[] = new Array(offsets.length);
  let line = 1;
  let column = 1;
  let i = 0;
  for (const { offset, index } of order) {
    while (i < offset) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        column = 1;
      } else if (!(code >= 0xdc00 && code <= 0xdfff && isHighSurrogate(text.charCodeAt(i - 1)))) {
        if (code !== 13) column++;
      }
      i++;
    }
    found[index] = { offset, line, column };
  }
  return found;
}

export function positionAt(text: string, offset: number): TextPosition {
  return positionsAt(text, [offset])[0] as TextPosition;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(offset, length));
}
