import { describe, expect, it } from 'vitest';
import { mailPreview } from './mail-preview.ts';

const parse = (srcdoc: string) => new DOMParser().parseFromString(srcdoc, 'text/html');

describe('mailPreview', () => {
  it('keeps the text, links and inline styles of the mail, and locks the document down', () => {
    const { srcdoc, blockedImages } = mailPreview(
      '<p style="color: red">김민준님, <a href="https://nudge.example/t/c/x">시작하기</a></p>',
    );
    const doc = parse(srcdoc);
    expect(srcdoc.startsWith('<!doctype html>')).toBe(true);
    expect(doc.body.textContent).toBe('김민준님, 시작하기');
    expect(doc.querySelector('p')?.getAttribute('style')).toBe('color: red');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://nudge.example/t/c/x');
    const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(policy?.getAttribute('content')).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:",
    );
    // Links open nothing: a new window is what the sandbox refuses.
    expect(doc.querySelector('base')?.getAttribute('target')).toBe('_blank');
    expect(blockedImages).toBe(0);
  });

  // <link> and <iframe> are left to the story in Chromium: happy-dom's parser tries to load them.
  it('drops the tracking pixel and every other remote fetch, and counts the images', () => {
    const { srcdoc, blockedImages } = mailPreview(
      [
        '<html><head><base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=https://x.example"><style>body { background: url("https://x.example/bg.png") }</style></head>',
        '<body><img src="https://nudge.example/t/o/token.gif" width="1" height="1">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">',
        '<picture><source srcset="https://x.example/b.webp"><img src="https://x.example/b.png"></picture>',
        '<table><tr><td background="https://x.example/c.png" style="background-image: url(https://x.example/d.png)">cell</td></tr></table>',
        '<svg><image href="https://x.example/e.png"></image></svg>',
        '<script>alert(1)</script><form action="https://x.example"></form></body></html>',
      ].join(''),
    );
    const doc = parse(srcdoc);
    expect(blockedImages).toBe(5);
    expect(srcdoc).not.toMatch(/x\.example|evil\.example|nudge\.example/);
    expect(
      doc.querySelectorAll('script, iframe, form, link, meta[http-equiv="refresh"]'),
    ).toHaveLength(0);
    expect(doc.querySelectorAll('base')).toHaveLength(1);
    expect(doc.querySelector('img[alt="inline"]')?.getAttribute('src')).toMatch(/^data:image\/png/);
  });
});
