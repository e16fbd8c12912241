import { describe, expect, it } from 'vitest';
import { emailLinks } from './links.ts';

describe('emailLinks', () => {
  const html =
    '<p><a href="https://example.com/a">Read</a> <a data-nudge-no-track href="https://example.com/b">B</a> <a href="mailto:x@y.kr">mail</a> <a href="https://nudge.test/u/x">off</a> <a href="https://example.com/a">again</a></p>';

  it('marks the links the worker tracks, once each', () => {
    expect(emailLinks(html, true, 'https://nudge.test')).toEqual([
      { url: 'https://example.com/a', text: 'Read', tracked: true },
      { url: 'https://example.com/b', text: 'B', tracked: false },
      { url: 'mailto:x@y.kr', text: 'mail', tracked: false },
      { url: 'https://nudge.test/u/x', text: 'off', tracked: false },
    ]);
  });

  it('tracks none when click tracking is off', () => {
    expect(emailLinks(html, false, 'https://nudge.test').every((l) => !l.tracked)).toBe(true);
  });
});
