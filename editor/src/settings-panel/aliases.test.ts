import { describe, expect, it } from 'vitest';
import { aliasesOf, newRow, rowStates, rowsMatch, rowsOf } from './aliases.ts';

describe('merge variable aliases as rows', () => {
  it('reads the aliases in order, with stable distinct keys', () => {
    const rows = rowsOf({ 고객명: 'contact.name', 부서: 'contact.attributes.department' });
    expect(rows.map((r) => [r.name, r.path])).toEqual([
      ['고객명', 'contact.name'],
      ['부서', 'contact.attributes.department'],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });

  it('reads junk as no rows, and a value that is not text as an empty path', () => {
    expect(rowsOf('x')).toEqual([]);
    expect(rowsOf([['a', 'b']])).toEqual([]);
    expect(rowsOf({ a: 5 }).map((r) => r.path)).toEqual(['']);
  });

  it('writes every named row, and keeps unnamed and repeated names in the form only', () => {
    const rows = [
      newRow('고객명', 'contact.name'),
      newRow('', 'contact.company'),
      newRow('고객명', 'contact.title'),
      newRow('직급', ''),
    ];
    expect(rowStates(rows)).toEqual(['saved', 'unnamed', 'duplicate', 'saved']);
    expect(aliasesOf(rows)).toEqual({ 고객명: 'contact.name', 직급: '' });
  });

  it('writes no aliases when no row has a name', () => {
    expect(aliasesOf([])).toBeUndefined();
    expect(aliasesOf([newRow('', 'contact.name')])).toBeUndefined();
  });

  it('tells when the file changed from elsewhere', () => {
    const rows = [newRow('a', 'contact.name'), newRow('', '')];
    expect(rowsMatch(rows, { a: 'contact.name' })).toBe(true);
    expect(rowsMatch(rows, { a: 'contact.title' })).toBe(false);
    expect(rowsMatch(rows, undefined)).toBe(false);
    expect(rowsMatch([newRow('', 'x')], undefined)).toBe(true);
    expect(rowsMatch([], {})).toBe(true);
    expect(rowsMatch([newRow('b', ''), newRow('a', '')], { a: '', b: '' })).toBe(false);
  });
});
