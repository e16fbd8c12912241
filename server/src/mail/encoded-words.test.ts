import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from './encoded-words.ts';

describe('decodeEncodedWords', () => {
  it('decodes base64 and Q words, in any case, and leaves plain text alone', () => {
    expect(decodeEncodedWords('=?UTF-8?B?6rmA66+87KSA?= <minjun@hanbit.example>')).toBe(
      '김민준 <minjun@hanbit.example>',
    );
    expect(decodeEncodedWords('=?utf-8?q?Re=3A_=EC=95=88=EB=85=95?=')).toBe('Re: 안녕');
    expect(decodeEncodedWords('Hello, world')).toBe('Hello, world');
    expect(decodeEncodedWords('')).toBe('');
  });

  it('drops the whitespace between adjacent words, and keeps it around plain text', () => {
    expect(decodeEncodedWords('=?UTF-8?B?6rmA?= =?UTF-8?B?66+8?=')).toBe('김민');
    expect(decodeEncodedWords('=?UTF-8?Q?a?=\t  =?UTF-8?Q?b?=')).toBe('ab');
    expect(decodeEncodedWords('Re: =?UTF-8?B?6rmA?= and =?UTF-8?B?66+8?= too')).toBe(
      'Re: 김 and 민 too',
    );
  });

  it('joins the bytes of a character split across two words', () => {
    // 김 is EA B9 80: its bytes are split between the words.
    expect(decodeEncodedWords('=?UTF-8?Q?=EA=B9?= =?UTF-8?Q?=80=EB=AF=BC?=')).toBe('김민');
    expect(decodeEncodedWords('=?UTF-8?B?6rk=?= =?UTF-8?B?gA==?=')).toBe('김');
  });

  it('decodes Korean legacy charsets and words of different charsets side by side', () => {
    // 김 in EUC-KR is B1 E8.
    expect(decodeEncodedWords('=?euc-kr?B?seg=?=')).toBe('김');
    expect(decodeEncodedWords('=?ks_c_5601-1987?Q?=B1=E8?= =?UTF-8?Q?=EB=AF=BC?=')).toBe('김민');
    expect(decodeEncodedWords('=?UTF-8*ko?Q?=EB=AF=BC?=')).toBe('민');
  });

  it('falls back to UTF-8 for a charset it does not know', () => {
    expect(decodeEncodedWords('=?x-unknown?B?6rmA?=')).toBe('김');
  });
});
