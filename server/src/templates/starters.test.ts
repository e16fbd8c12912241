import { describe, expect, it } from 'vitest';
import { readContent, readLabels } from '../routes/templates-body.ts';
import { STARTERS } from './starters.ts';

describe('the starter templates', () => {
  it.each(STARTERS.map((s) => [s.key, s] as const))('%s is a valid template', (_, starter) => {
    expect(readLabels({ name: starter.name, tags: starter.tags })).toEqual({
      name: starter.name,
      tags: starter.tags,
    });
    expect(readContent(starter.channel, starter.content)).toEqual(starter.content);
  });

  it('come in Korean and English, for email, SMS and AlimTalk, under unique keys', () => {
    expect(new Set(STARTERS.map((s) => s.key)).size).toBe(STARTERS.length);
    for (const locale of ['ko', 'en'])
      expect(STARTERS.filter((s) => s.locale === locale).length).toBeGreaterThanOrEqual(4);
    expect(new Set(STARTERS.map((s) => s.channel))).toEqual(new Set(['email', 'sms', 'kakao']));
  });
});
