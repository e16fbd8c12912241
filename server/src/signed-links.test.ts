import { signToken, trackingUrls } from '@nudge/runtime/worker/tracking';
import { describe, expect, it } from 'vitest';
import { REDACTED_TOKEN, redactSignedLinks } from './signed-links.ts';

const links = trackingUrls('https://nudge.example/base', 'secret', {
  workspaceId: crypto.randomUUID(),
  messageId: 42,
});

describe('redactSignedLinks', () => {
  it('redacts the token of each kind of signed link, keeping the rest of the URL', () => {
    const click = links.click('https://hanbit.example/guide?a=1&b=2');
    const text = `<a href="${click}">가이드</a><img src="${links.openPixel}" alt="">\n<${links.unsubscribe}>`;
    const { text: redacted, count } = redactSignedLinks(text);
    expect(count).toBe(3);
    expect(redacted).toBe(
      `<a href="https://nudge.example/base/t/c/${REDACTED_TOKEN}">가이드</a>` +
        `<img src="https://nudge.example/base/t/o/${REDACTED_TOKEN}.gif" alt="">\n` +
        `<https://nudge.example/base/u/${REDACTED_TOKEN}>`,
    );
  });

  it('redacts tokens signed with any secret, under any base URL', () => {
    const token = signToken('another', { v: 1, kind: 'unsubscribe', w: 'w', m: 1 });
    expect(redactSignedLinks(`http://localhost:3000/u/${token}`)).toEqual({
      text: `http://localhost:3000/u/${REDACTED_TOKEN}`,
      count: 1,
    });
  });

  it('leaves other URLs alone, those under /u/ or /t/ too', () => {
    const text =
      'https://example.com/u/profile https://example.com/t/c/page.html https://example.com/docs';
    expect(redactSignedLinks(text)).toEqual({ text, count: 0 });
  });
});
