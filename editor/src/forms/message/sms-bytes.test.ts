import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LMS_MAX_BYTES, SMS_MAX_BYTES, smsBytes, smsClassOf, smsSize } from './sms-bytes.ts';

/** One character as EUC-KR bytes: an ASCII byte, or a Hangul syllable of KS X 1001 (2,350). */
const eucKrCharacter = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((byte) => [byte]),
  fc.tuple(fc.integer({ min: 0xb0, max: 0xc8 }), fc.integer({ min: 0xa1, max: 0xfe })),
);

const eucKr = new TextDecoder('euc-kr', { fatal: true });

/** Any text of whole characters: lone surrogates can't be stored (the validator refuses them). */
const text = fc.string({
  unit: fc
    .integer({ min: 0, max: 0x10ffff })
    .filter((c) => c < 0xd800 || c > 0xdfff)
    .map((c) => String.fromCodePoint(c)),
});

describe('smsBytes', () => {
  it('counts what EUC-KR encodes: texts decoded from EUC-KR bytes count exactly those bytes', () => {
    fc.assert(
      fc.property(fc.array(eucKrCharacter, { maxLength: 300 }), (characters) => {
        const bytes = characters.flat();
        const text = eucKr.decode(new Uint8Array(bytes));
        expect(smsBytes(text)).toBe(bytes.length);
      }),
    );
  });

  it('adds up: the bytes of two texts together are the bytes of each', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(smsBytes(a + b)).toBe(smsBytes(a) + smsBytes(b));
      }),
    );
  });

  it('counts each character (not each UTF-16 unit) once or twice', () => {
    fc.assert(
      fc.property(text, (t) => {
        const characters = [...t].length;
        expect(smsBytes(t)).toBeGreaterThanOrEqual(characters);
        expect(smsBytes(t)).toBeLessThanOrEqual(2 * characters);
      }),
    );
  });

  it('counts Korean text as marketers see it on their phones', () => {
    expect(smsBytes('')).toBe(0);
    expect(smsBytes('Hello')).toBe(5);
    expect(smsBytes('안녕하세요')).toBe(10);
    expect(smsBytes('[넛지] 안녕하세요!')).toBe(6 + 1 + 10 + 1);
    expect(smsBytes('👍')).toBe(2);
    expect(smsBytes('줄\n바꿈')).toBe(7);
  });
});

describe('smsClassOf', () => {
  it('is an SMS up to 90 bytes, an LMS up to 2,000, too long past that', () => {
    expect(smsClassOf(0)).toBe('sms');
    expect(smsClassOf(SMS_MAX_BYTES)).toBe('sms');
    expect(smsClassOf(SMS_MAX_BYTES + 1)).toBe('lms');
    expect(smsClassOf(LMS_MAX_BYTES)).toBe('lms');
    expect(smsClassOf(LMS_MAX_BYTES + 1)).toBe('too_long');
  });

  it('never goes down as a text grows', () => {
    const order = { sms: 0, lms: 1, too_long: 2 };
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (a, b) => {
        expect(order[smsClassOf(a + b)]).toBeGreaterThanOrEqual(order[smsClassOf(a)]);
      }),
    );
  });
});

describe('smsSize', () => {
  it('says when merge variables or tags make the sent length differ from the template', () => {
    // 45 Hangul syllables are 90 bytes: the most an SMS holds.
    expect(smsSize('가'.repeat(45))).toEqual({ bytes: 90, class: 'sms', templated: false });
    expect(smsSize(`${'가'.repeat(45)}!`)).toEqual({ bytes: 91, class: 'lms', templated: false });
    expect(smsSize('{{고객명}}님').templated).toBe(true);
    expect(smsSize('{% if x %}y{% endif %}').templated).toBe(true);
    expect(smsSize('{ 고객명 }').templated).toBe(false);
  });
});
