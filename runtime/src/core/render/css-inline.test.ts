import { describe, expect, it } from 'vitest';
import { inlineCss } from './css-inline.ts';
import { MAX_HTML_TAGS } from './html-to-text.ts';

describe('inlineCss', () => {
  it('copies a <style> rule into the style attribute of the elements it selects', () => {
    const html = inlineCss(
      '<style>p.lead { color: #333; font-size: 16px }</style><p class="lead">안녕하세요</p><p>끝</p>',
    );
    expect(html).toBe(
      '<p class="lead" style="color: #333; font-size: 16px;">안녕하세요</p><p>끝</p>',
    );
  });

  it('keeps what cannot be inlined (a media query) in a <style> block', () => {
    const html = inlineCss(
      '<style>td { padding: 8px } @media (max-width: 600px) { td { padding: 0 } }</style><table><tr><td>x</td></tr></table>',
    );
    expect(html).toContain('<td style="padding: 8px;">x</td>');
    expect(html).toMatch(/<style>[^<]*@media \(max-width: 600px\)/);
  });

  it("lets an element's own style win over a rule", () => {
    expect(
      inlineCss(
        '<style>a { color: red }</style><a href="https://x.test" style="color: blue">x</a>',
      ),
    ).toBe('<a href="https://x.test" style="color: blue;">x</a>');
  });

  it('leaves HTML without <style> untouched, byte for byte', () => {
    const html = '<P>Hi &nbsp;<b>there</b><br>\n<img src=x></P>';
    expect(inlineCss(html)).toBe(html);
  });

  it('leaves entities and Korean text as written', () => {
    expect(inlineCss('<style>b { color: red }</style><b>고객님 &amp; &nbsp;“인사”</b>')).toBe(
      '<b style="color: red;">고객님 &amp; &nbsp;“인사”</b>',
    );
  });

  it('refuses HTML with more tags than the limit', () => {
    const html = `<style>div{}</style>${'<div>'.repeat(MAX_HTML_TAGS)}`;
    expect(() => inlineCss(html)).toThrow('more than 20,000 tags');
  });
});
