import { describe, expect, it } from 'vitest';
import { BoundedCache } from './cache.ts';

describe('BoundedCache', () => {
  it('keeps entries while their keys fit in the budget', () => {
    const cache = new BoundedCache<number>(10);
    cache.set('aaa', 1);
    cache.set('bbb', 2);
    cache.set('ccc', 3);
    expect([cache.get('aaa'), cache.get('bbb'), cache.get('ccc')]).toEqual([1, 2, 3]);
  });

  it('drops the least recently used entries first', () => {
    const cache = new BoundedCache<number>(9);
    cache.set('aaa', 1);
    cache.set('bbb', 2);
    cache.set('ccc', 3);
    cache.get('aaa'); // now bbb is the oldest
    cache.set('ddd', 4);
    expect(cache.get('bbb')).toBeUndefined();
    expect([cache.get('aaa'), cache.get('ccc'), cache.get('ddd')]).toEqual([1, 3, 4]);
    expect(cache.size).toBe(3);
  });

  it('drops as many as a large key needs, and never keeps a key over the budget', () => {
    const cache = new BoundedCache<number>(9);
    cache.set('aaa', 1);
    cache.set('bbb', 2);
    cache.set('cccccccc', 3);
    expect(cache.size).toBe(1);
    cache.set('x'.repeat(10), 4);
    expect(cache.get('x'.repeat(10))).toBeUndefined();
    expect(cache.get('cccccccc')).toBe(3);
  });

  it('replaces a key without counting it twice', () => {
    const cache = new BoundedCache<number>(6);
    cache.set('aaa', 1);
    cache.set('aaa', 2);
    cache.set('bbb', 3);
    expect([cache.get('aaa'), cache.get('bbb')]).toEqual([2, 3]);
  });
});
