import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.ts';
import { depthExceededAt, parseJson } from './parse.ts';

const error = (text: string) => {
  const parsed = parseJson(text);
  if (parsed.ok) throw new Error('expected a syntax error');
  return parsed.error;
};

describe('parseJson', () => {
  it('parses JSON', () => {
    expect(parseJson('{"a": [1, "x", null]}')).toEqual({ ok: true, value: { a: [1, 'x', null] } });
  });

  it.each([
    ['', 1, 1, 'the text is empty'],
    ['   \n ', 2, 2, 'the text is empty'],
    [
      '{\n  "a": 1,\n}',
      3,
      1,
      'expected a property name in double quotes but found "}" (remove the trailing comma?)',
    ],
    ['[1, 2,]', 1, 7, 'expected a value but found "]" (remove the trailing comma?)'],
    ['{"a": }', 1, 7, 'expected a value but found "}"'],
    ['{"a" 1}', 1, 6, 'expected ":" after the property name but found "1"'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected "," or "}" after a property value but found "\\""'],
    ['[1 2]', 1, 4, 'expected "," or "]" after an array element but found "2"'],
    [
      "{'a': 1}",
      1,
      2,
      'expected a property name in double quotes but found "\'" (JSON needs double quotes)',
    ],
    ['{"a": tru}', 1, 7, 'expected a value but found "tru" (text needs double quotes)'],
    ['{"a": True}', 1, 7, 'write true in lower case'],
    ['{"a": 01}', 1, 7, '"01" is not a JSON number'],
    ['{"a": 1.}', 1, 7, '"1." is not a JSON number'],
    ['{"a": "x\ny"}', 1, 9, 'a line break inside a string'],
    ['{"a": "\\q"}', 1, 8, 'invalid escape "\\\\q"'],
    ['{"a": "\\u12"}', 1, 8, 'invalid \\u escape'],
    ['{"a": 1} x', 1, 10, 'unexpected "x" after the end of the JSON value'],
    ['// c\n{}', 1, 1, 'JSON does not allow comments'],
    [
      '{"a": [1, 2',
      1,
      12,
      'the text ends too early: the array opened at line 1, column 7 is not closed',
    ],
    ['{\n"a":', 2, 5, 'a value is missing and the object opened at line 1, column 1 is not closed'],
    ['{"a": "abc', 1, 11, 'the string that starts at line 1, column 7 is not closed'],
  ])('says where and why %j is not JSON', (text, line, column, message) => {
    const found = error(text);
    expect({ line: found.line, column: found.column }).toEqual({ line, column });
    expect(found.message).toContain(message);
  });

  it('counts columns in code points and lines across \\r\\n', () => {
    expect(error('{"이름": "😀", x}')).toMatchObject({ line: 1, column: 13 });
    expect(error('{\r\n  "a": 1,\r\n}')).toMatchObject({ line: 3, column: 1 });
  });
});

describe('depthExceededAt', () => {
  it('finds the first container past the limit, ignoring brackets in strings', () => {
    expect(depthExceededAt('[[["[[[["]]]', 3)).toBe(-1);
    expect(depthExceededAt('[[[[', 3)).toBe(3);
    expect(depthExceededAt('{"a\\"[": [{}]}', 3)).toBe(-1);
    expect(depthExceededAt('{"a\\"[": [{}]}', 2)).toBe(10);
  });

  it('stops early on megabytes of nesting', () => {
    const start = performance.now();
    expect(depthExceededAt('['.repeat(8_000_000), 48)).toBe(48);
    expect(performance.now() - start).toBeLessThan(100);
  });
});

describe('decodeText', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it('reads UTF-8 and drops its byte order mark', () => {
    expect(decodeText(new TextEncoder().encode('{"a":"한"}'))).toEqual({
      ok: true,
      text: '{"a":"한"}',
    });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toEqual({ ok: true, text: '{}' });
  });

  it('reads UTF-16 with a byte order mark', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x7b, 0, 0x7d, 0))).toEqual({ ok: true, text: '{}' });
    expect(decodeText(bytes(0xfe, 0xff, 0, 0x7b, 0, 0x7d))).toEqual({ ok: true, text: '{}' });
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(decodeText(bytes(0x7b, 0xff, 0x7d))).toEqual({
      ok: false,
      message: 'the text is not valid UTF-8: save the file as UTF-8',
    });
  });
});
