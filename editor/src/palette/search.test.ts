import { describe, expect, it } from 'vitest';
import { initials, searchSteps } from './search.ts';
import { PALETTE_TYPES } from './step-types.ts';

describe('searchSteps', () => {
  it('lists every type in the palette’s order for an empty query', () => {
    expect(searchSteps('')).toEqual([...PALETTE_TYPES]);
    expect(searchSteps('   ')).toEqual([...PALETTE_TYPES]);
    expect(searchSteps('')).not.toContain('entry');
  });

  it('finds a type by its English name, whatever the case, best match first', () => {
    expect(searchSteps('email')[0]).toBe('email');
    expect(searchSteps('EMAIL')[0]).toBe('email');
    expect(searchSteps('sms')[0]).toBe('sms');
    expect(searchSteps('alim')).toEqual(['kakao']);
    expect(searchSteps('split')[0]).toBe('split');
    expect(searchSteps('update')[0]).toBe('update_contact');
  });

  it('ranks a name above a synonym: "wait" is Wait for first, then Delay', () => {
    const found = searchSteps('wait');
    expect(found.slice(0, 2)).toEqual(['wait_for', 'delay']);
  });

  it('matches names typed with or without their space', () => {
    expect(searchSteps('wait for')[0]).toBe('wait_for');
    expect(searchSteps('waitfor')[0]).toBe('wait_for');
    expect(searchSteps('update contact')[0]).toBe('update_contact');
  });

  it('finds a type by its Korean name or part of it, in either UI language', () => {
    expect(searchSteps('이메일')[0]).toBe('email');
    expect(searchSteps('메일')[0]).toBe('email');
    expect(searchSteps('알림톡')).toEqual(['kakao']);
    expect(searchSteps('문자')[0]).toBe('sms');
    expect(searchSteps('조건')[0]).toBe('condition');
    expect(searchSteps('종료')[0]).toBe('exit');
  });

  it('finds a type by a synonym in either language', () => {
    expect(searchSteps('text')).toContain('sms');
    expect(searchSteps('카톡')).toEqual(['kakao']);
    expect(searchSteps('call')[0]).toBe('task');
    expect(searchSteps('전화')[0]).toBe('task');
    expect(searchSteps('a/b')[0]).toBe('split');
    expect(searchSteps('tag')[0]).toBe('update_contact');
  });

  it('takes Korean typed as initial consonants', () => {
    expect(initials('이메일')).toBe('ㅇㅁㅇ');
    expect(initials('알림톡 email')).toBe('ㅇㄹㅌ email');
    expect(searchSteps('ㅇㅁㅇ')[0]).toBe('email');
    expect(searchSteps('ㅇㄹㅌ')).toEqual(['kakao']);
  });

  it('needs every word of the query to match', () => {
    expect(searchSteps('email xyz')).toEqual([]);
    expect(searchSteps('send text')).toContain('sms');
    expect(searchSteps('send text')).not.toContain('delay');
  });

  it('finds nothing for a word no step has', () => {
    expect(searchSteps('zebra')).toEqual([]);
    expect(searchSteps('ㅋㅋㅋㅋㅋ')).toEqual([]);
  });
});
