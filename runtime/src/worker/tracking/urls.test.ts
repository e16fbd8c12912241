import { describe, expect, it } from 'vitest';
import { verifyToken } from './token.ts';
import { trackingUrls } from './urls.ts';

const SECRET = 's3cret';
const message = { workspaceId: 'ws_1', messageId: 42 };

describe('trackingUrls', () => {
  it('builds signed open, click and unsubscribe URLs', () => {
    const urls = trackingUrls('https://nudge.example.com/', SECRET, message);
    const open = urls.openPixel.match(/^https:\/\/nudge\.example\.com\/t\/o\/([^/]+)\.gif$/);
    expect(verifyToken(SECRET, open?.[1] ?? '', 'open')).toEqual({
      v: 1,
      kind: 'open',
      w: 'ws_1',
      m: 42,
    });
    const click = urls
      .click('https://example.com/a?b=1')
      .match(/^https:\/\/nudge\.example\.com\/t\/c\/([^/]+)$/);
    expect(verifyToken(SECRET, click?.[1] ?? '', 'click')?.u).toBe('https://example.com/a?b=1');
    const unsub = urls.unsubscribe.match(/^https:\/\/nudge\.example\.com\/u\/([^/]+)$/);
    expect(verifyToken(SECRET, unsub?.[1] ?? '', 'unsubscribe')?.m).toBe(42);
  });

  it('keeps a path prefix and drops trailing slashes', () => {
    const urls = trackingUrls('http://localhost:3000/nudge//', SECRET, message);
    expect(urls.unsubscribe.startsWith('http://localhost:3000/nudge/u/')).toBe(true);
    expect(urls.isOwn(urls.unsubscribe)).toBe(true);
    expect(urls.isOwn(urls.click('https://example.com'))).toBe(true);
    expect(urls.isOwn('https://example.com/u/x')).toBe(false);
  });

  it('refuses a PUBLIC_URL that is not http(s)', () => {
    expect(() => trackingUrls('ftp://x', SECRET, message)).toThrow(/PUBLIC_URL/);
    expect(() => trackingUrls('not a url', SECRET, message)).toThrow();
  });
});
