import { describe, expect, it } from 'vitest';
import { pickLanguage, TEXT } from './unsubscribe-text.ts';

describe('pickLanguage', () => {
  it('takes ?lang=, then the contact locale, then Accept-Language, then English', () => {
    expect(pickLanguage('ko', 'en-US', 'en')).toBe('ko');
    expect(pickLanguage('fr', 'ko_KR', 'en')).toBe('ko');
    expect(pickLanguage(undefined, 'EN-us', 'ko')).toBe('en');
    expect(pickLanguage(undefined, 'ja-JP', 'ko-KR,ko;q=0.9')).toBe('ko');
    expect(pickLanguage(undefined, null, undefined)).toBe('en');
    expect(pickLanguage(undefined, '', 'fr-FR,de')).toBe('en');
  });

  it('reads Accept-Language by weight, not order, and skips q=0 and nonsense', () => {
    expect(pickLanguage(undefined, null, 'en;q=0.5, ko;q=0.8')).toBe('ko');
    expect(pickLanguage(undefined, null, 'fr, en-GB;q=0.7, ko;q=0.7')).toBe('en');
    expect(pickLanguage(undefined, null, 'ko;q=0, en;q=0.1')).toBe('en');
    expect(pickLanguage(undefined, null, 'ko;q=abc')).toBe('en');
    expect(pickLanguage(undefined, null, ';;,,ko-kr ;Q=1')).toBe('ko');
  });
});

it('has every text in both languages, none empty', () => {
  expect(Object.keys(TEXT.ko).sort()).toEqual(Object.keys(TEXT.en).sort());
  for (const text of [TEXT.en, TEXT.ko])
    for (const value of Object.values(text)) expect(value).not.toBe('');
});
