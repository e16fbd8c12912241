import { describe, expect, it } from 'vitest';
import { htmlToText, MAX_HTML_TAGS } from './html-to-text.ts';

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, Korean included', () => {
    expect(htmlToText('<p>김민준님, 안녕하세요.</p><p>첫 줄<br>둘째 줄</p>')).toBe(
      '김민준님, 안녕하세요.\n\n첫 줄\n둘째 줄',
    );
  });

  it('writes links as text [url], a bare URL once', () => {
    expect(
      htmlToText(
        '<p>See <a href="https://nudge.test/demo?a=1&amp;b=2">the demo</a> or https://x.test: <a href="https://x.test">https://x.test</a></p>',
      ),
    ).toBe('See the demo [https://nudge.test/demo?a=1&b=2] or https://x.test: https://x.test');
  });

  it('drops images, scripts, styles and the head', () => {
    expect(
      htmlToText(
        '<html><head><title>T</title><style>p{color:red}</style></head><body><img src="logo.png" alt="Logo"><p>본문</p><script>alert(1)</script></body></html>',
      ),
    ).toBe('본문');
  });

  it('does not upper-case headings', () => {
    expect(htmlToText('<h1>환영합니다, Welcome</h1><p>text</p>')).toBe(
      '환영합니다, Welcome\n\ntext',
    );
  });

  it('decodes entities, so escaped contact data reads as written', () => {
    expect(htmlToText('<p>&lt;script&gt; &amp; &#34;김&#34;</p>')).toBe('<script> & "김"');
  });

  it('lists items and puts table cells on their own lines', () => {
    expect(htmlToText('<ul><li>하나</li><li>둘</li></ul>')).toBe(' * 하나\n * 둘');
    expect(htmlToText('<table><tr><th>요금제</th><td>Pro</td></tr></table>')).toBe('요금제\n\nPro');
  });

  it('does not wrap long lines', () => {
    const long = '가나다라마바사 '.repeat(30).trim();
    expect(htmlToText(`<p>${long}</p>`)).toBe(long);
  });

  it('refuses HTML with too many tags, which would take seconds to parse', () => {
    const nested = (n: number) => `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`;
    expect(htmlToText(nested(50))).toBe('x');
    expect(htmlToText(nested(1000))).toBe('...'); // past 100 levels, as no real email goes
    const start = performance.now();
    expect(() => htmlToText(nested(MAX_HTML_TAGS))).toThrow('more than 20,000 tags');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
