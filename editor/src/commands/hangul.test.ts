import { describe, expect, it } from 'vitest';
import { romanizeHangul } from './hangul.ts';

describe('romanizeHangul', () => {
  it('writes syllables by the Revised Romanization', () => {
    expect(romanizeHangul('가입 후속 안내')).toBe('gaip husok annae');
    expect(romanizeHangul('키보드 시퀀스')).toBe('kibodeu sikwonseu');
    expect(romanizeHangul('계약 갱신')).toBe('gyeyak gaengsin');
    expect(romanizeHangul('넛지')).toBe('neotji');
    expect(romanizeHangul('읽기')).toBe('ikgi');
  });

  it('covers the first and last syllables, and leaves everything else alone', () => {
    expect(romanizeHangul('가')).toBe('ga');
    expect(romanizeHangul('힣')).toBe('hit');
    expect(romanizeHangul('Q3 콜드메일 #2 ㄱ 名')).toBe('Q3 koldeumeil #2 ㄱ 名');
  });
});
