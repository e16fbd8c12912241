import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Length } from './text.ts';

describe('utf8Length', () => {
  const encoder = new TextEncoder();

  it('is the length TextEncoder writes, lone surrogates and all', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\uD800', '\uDFFF', '\uD83D\uDE00', '한국어', '\u007F\u0080\u07FF\u0800'),
    );
    fc.assert(
      fc.property(fc.array(unit), (parts) => {
        const text = parts.join('');
        expect(utf8Length(text)).toBe(encoder.encode(text).length);
      }),
      { numRuns: 2000 },
    );
  });
});
