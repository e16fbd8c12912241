import { describe, expect, it } from 'vitest';
import { findSyntaxError, readJson } from './read-json.ts';

describe('readJson', () => {
  it('parses JSON, ignoring a byte order mark', () => {
    expect(readJson('\uFEFF{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it.each([
    ['{"a": }', 1, 7, '}'],
    ['{\n  "format": "x",\n}\n', 3, 1, '}'],
    ['[1, 2', 1, 6, null],
    ['{"name": "unterminated', 1, 23, null],
    ['{"a": tru}', 1, 7, 't'],
    ['{"a": 1} extra', 1, 10, 'e'],
    ["{'a': 1}", 1, 2, "'"],
    ['', 1, 1, null],
    ['{"a": 01}', 1, 8, '1'],
    ['{"a": "tab\there"}', 1, 11, '\t'],
  ])('locates the error in %j at line %i, column %i', (text, line, column, found) => {
    const result = readJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ line, column, found });
  });

  it('agrees with JSON.parse on what is JSON', () => {
    for (const text of [
      '0',
      '-1.5e3',
      '"é\\u00e9"',
      '[[], {}]',
      ' {"a": {"b": [true, false, null]}} ',
    ])
      expect(findSyntaxError(text)).toBeUndefined();
  });

  it('handles deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(200_000);
    const result = readJson(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ line: 1, column: 200_001, found: null });
  });
});
