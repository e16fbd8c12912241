import { describe, expect, it } from 'vitest';
import { locatePointers } from './locate.ts';

const text = `{
  "name": "x",
  "nodes": [
    { "id": "a", "data": { "a/b": 1, "t~": [true, {"x": null}] } },
    {"id": "b"}
  ]
}`;

const at = (pointer: string) => {
  const found = locatePointers(text, [pointer]).get(pointer);
  return found && [found.line, found.column];
};

describe('locatePointers', () => {
  it('points at the property name of a member and at the value of an element', () => {
    expect(at('')).toEqual([1, 1]);
    expect(at('/name')).toEqual([2, 3]);
    expect(at('/nodes/0')).toEqual([4, 5]);
    expect(at('/nodes/0/id')).toEqual([4, 7]);
    expect(at('/nodes/1')).toEqual([5, 5]);
  });

  it('decodes escaped pointer tokens', () => {
    expect(at('/nodes/0/data/a~1b')).toEqual([4, 28]);
    expect(at('/nodes/0/data/t~0/1/x')).toEqual([4, 52]);
  });

  it('falls back to the nearest existing parent', () => {
    expect(at('/nodes/1/data/subject')).toEqual([5, 5]);
    expect(at('/nodes/7')).toEqual([3, 3]);
  });

  it('locates many pointers in one pass, in any order', () => {
    const found = locatePointers(text, ['/nodes/1/id', '/name', '/name']);
    expect(found.get('/nodes/1/id')).toMatchObject({ line: 5, column: 6 });
    expect(found.get('/name')).toMatchObject({ line: 2, column: 3 });
  });
});
