import { describe, expect, it } from 'vitest';
import { convertValue, formatLines, parseLines, parseValue, valueKindOf } from './values.ts';

describe('typed values', () => {
  it('are shown as what they are, or as the type chosen while they fit it', () => {
    const attr = { list: false, field: 'attribute' as const };
    expect(valueKindOf(3, attr)).toBe('number');
    expect(valueKindOf('2026-01-31', attr)).toBe('date');
    expect(valueKindOf('Kim', attr)).toBe('text');
    expect(valueKindOf(true, attr)).toBe('boolean');
    expect(valueKindOf(null, attr)).toBe('json');
    expect(valueKindOf({ a: 1 }, attr)).toBe('json');
    // An empty date picker is still a date; a text field's date-like text is text.
    expect(valueKindOf('', { ...attr, preferred: 'date' })).toBe('date');
    expect(valueKindOf('2026-01-31', { list: false, field: 'text' })).toBe('text');
    expect(valueKindOf(['a', 'b'], { list: true, field: 'text' })).toBe('text');
    expect(valueKindOf([1, 2], { list: true, field: 'attribute' })).toBe('number');
    expect(valueKindOf([1, 'b'], { list: true, field: 'attribute' })).toBe('json');
    expect(valueKindOf('a', { list: true, field: 'text' })).toBe('json');
    expect(valueKindOf(undefined, { list: false, field: 'boolean' })).toBe('boolean');
  });

  it('convert keeping what can be kept', () => {
    expect(convertValue(12, 'text')).toBe('12');
    expect(convertValue('12.5', 'number')).toBe(12.5);
    expect(convertValue('Kim', 'number')).toBe(0);
    expect(convertValue('2026-02-03 09:00', 'date')).toBe('2026-02-03');
    expect(convertValue('true', 'boolean')).toBe(true);
    expect(convertValue(undefined, 'json')).toBe(null);
  });

  it('parse what a control holds, or say it is not one yet', () => {
    expect(parseValue('1.', 'number')).toEqual({ value: 1 });
    expect(parseValue('-', 'number')).toBeNull();
    expect(parseValue('2026-13', 'date')).toBeNull();
    expect(parseValue('{"a":1}', 'json')).toEqual({ value: { a: 1 } });
    expect(parseValue('{', 'json')).toBeNull();
  });

  it('lists go one item a line, blank lines skipped, the bad line named', () => {
    expect(parseLines('gold\n\n 실버 \n', 'text')).toEqual({ list: ['gold', ' 실버 '] });
    expect(parseLines('1\n2.5', 'number')).toEqual({ list: [1, 2.5] });
    expect(parseLines('1\nx', 'number')).toEqual({ bad: 2 });
    expect(formatLines([1, 2], 'number')).toBe('1\n2');
  });
});
