import { describe, expect, it } from 'vitest';
import { oneLine } from './subject.ts';

describe('oneLine', () => {
  it('turns line breaks and control characters into spaces, and trims', () => {
    expect(oneLine('  a\r\nBcc: x@y\n')).toBe('a Bcc: x@y');
    expect(oneLine('a\rb\nc\u2028d\u2029e\u0085f\tg\u0000h')).toBe('a b c d e f g h');
  });

  it('leaves a one-line subject as it is', () => {
    expect(oneLine('김민준님, 제안드립니다 (Re: 견적)')).toBe('김민준님, 제안드립니다 (Re: 견적)');
  });
});
