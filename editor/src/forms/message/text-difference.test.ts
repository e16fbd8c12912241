import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textDifference } from './text-difference.ts';

const apply = (text: string, change: { from: number; to: number; insert: string }) =>
  text.slice(0, change.from) + change.insert + text.slice(change.to);

describe('textDifference', () => {
  it('turns one text into the other', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(apply(a, textDifference(a, b))).toBe(b);
      }),
    );
    // Texts that share most of themselves, as an edit makes them.
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (head, a, b, tail) => {
        const change = textDifference(head + a + tail, head + b + tail);
        expect(apply(head + a + tail, change)).toBe(head + b + tail);
        expect(change.insert.length).toBeLessThanOrEqual(b.length);
      }),
    );
  });

  it('changes only what differs', () => {
    expect(textDifference('안녕하세요 {{고객명}}님', '안녕하세요 {{ 고객명 }}님')).toEqual({
      from: 8,
      to: 11,
      insert: ' 고객명 ',
    });
    expect(textDifference('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
    expect(textDifference('', 'new')).toEqual({ from: 0, to: 0, insert: 'new' });
    expect(textDifference('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
  });
});
