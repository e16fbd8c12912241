import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAddresses, formatSender, parseAddresses, parseSender } from './addresses.ts';

describe('address lists', () => {
  it('split on commas, semicolons, spaces and new lines, keeping every address as typed', () => {
    expect(parseAddresses('')).toEqual([]);
    expect(parseAddresses('  ')).toEqual([]);
    expect(parseAddresses('a@acme.kr')).toEqual(['a@acme.kr']);
    expect(parseAddresses('a@acme.kr, b@acme.kr;c@acme.kr\nd@acme.kr')).toEqual([
      'a@acme.kr',
      'b@acme.kr',
      'c@acme.kr',
      'd@acme.kr',
    ]);
    // A half-typed list: the trailing comma adds nothing; a wrong address stays for the validator.
    expect(parseAddresses('a@acme.kr, not-yet,')).toEqual(['a@acme.kr', 'not-yet']);
  });

  it('read back what they write', () => {
    const address = fc.stringMatching(/^[a-z0-9.]{1,10}@[a-z0-9]{1,10}\.(kr|com)$/);
    fc.assert(
      fc.property(fc.array(address, { maxLength: 20 }), (addresses) => {
        expect(parseAddresses(formatAddresses(addresses))).toEqual(addresses);
      }),
    );
  });
});

describe('the sender', () => {
  it('is a name and an address, or an address alone', () => {
    expect(parseSender('')).toBeUndefined();
    expect(parseSender('  ')).toBeUndefined();
    expect(parseSender('minji@acme.kr')).toEqual({ email: 'minji@acme.kr' });
    expect(parseSender('김민지 <minji@acme.kr>')).toEqual({
      name: '김민지',
      email: 'minji@acme.kr',
    });
    expect(parseSender('"Kim, Minji" <minji@acme.kr>')).toEqual({
      name: 'Kim, Minji',
      email: 'minji@acme.kr',
    });
    expect(parseSender('<minji@acme.kr>')).toEqual({ email: 'minji@acme.kr' });
    // Half typed: kept as written, for the validator to point at.
    expect(parseSender('김민지 <')).toEqual({ email: '김민지 <' });
    expect(parseSender('김민지 <>')).toEqual({ name: '김민지', email: '' });
  });

  it('is written as people read it', () => {
    expect(formatSender(undefined)).toBe('');
    expect(formatSender({ email: 'minji@acme.kr' })).toBe('minji@acme.kr');
    expect(formatSender({ name: '김민지', email: 'minji@acme.kr' })).toBe('김민지 <minji@acme.kr>');
    for (const sender of [{ email: 'a@b.kr' }, { name: '넛지 팀', email: 'team@nudge.kr' }])
      expect(parseSender(formatSender(sender))).toEqual(sender);
  });
});
