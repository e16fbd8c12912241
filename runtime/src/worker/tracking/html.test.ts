import { describe, expect, it } from 'vitest';
import { decodeAttribute } from './entities.ts';
import { rewriteHtml } from './html.ts';

// A readable stand-in for the signed click URL: the original URL, percent-encoded.
const click = (url: string) => `https://t.test/c?u=${encodeURIComponent(url)}&x=1`;
const tracked = (url: string) => click(url).replace(/&/g, '&amp;');
const rewrite = (html: string) => rewriteHtml(html, { click });

describe('rewriteHtml: links', () => {
  it('rewrites http and https links, keeping each quoting style', () => {
    expect(rewrite('<a href="https://a.test/x">A</a>')).toBe(
      `<a href="${tracked('https://a.test/x')}">A</a>`,
    );
    expect(rewrite("<a href='http://a.test/'>A</a>")).toBe(
      `<a href='${tracked('http://a.test/')}'>A</a>`,
    );
    // Unquoted stays unquoted when the new URL allows it (signed URLs do: base64url and slashes).
    expect(
      rewriteHtml('<a href=https://a.test/x>A</a>', { click: () => 'https://t.test/c/Ab_-.x' }),
    ).toBe('<a href=https://t.test/c/Ab_-.x>A</a>');
    // A `=` would be a parse error unquoted: the value gains quotes.
    expect(rewrite('<a href=https://a.test/x>A</a>')).toBe(
      `<a href="${tracked('https://a.test/x')}">A</a>`,
    );
  });

  it('decodes entities before tracking and re-escapes the new URL', () => {
    const seen: string[] = [];
    const out = rewriteHtml(
      '<a href="https://a.test/?a=1&amp;b=2&#38;c=3&#x26;d=&quot;4&quot;&copy=5">x</a>',
      {
        click: (url) => {
          seen.push(url);
          return `https://t.test/?u=${url}`;
        },
      },
    );
    expect(seen).toEqual(['https://a.test/?a=1&b=2&c=3&d="4"&copy=5']);
    expect(out).toBe(
      '<a href="https://t.test/?u=https://a.test/?a=1&amp;b=2&amp;c=3&amp;d=&quot;4&quot;&amp;copy=5">x</a>',
    );
  });

  it('finds href among other attributes in any order and case', () => {
    const html =
      '<A CLASS="btn" data-x=\'>\' TITLE="a > b" HREF = "https://a.test/" target=_blank>Go</A>';
    expect(rewrite(html)).toBe(
      `<A CLASS="btn" data-x='>' TITLE="a > b" HREF = "${tracked('https://a.test/')}" target=_blank>Go</A>`,
    );
    expect(rewrite('<a\nhref="HTTPS://A.TEST/"\n>x</a>')).toContain(tracked('HTTPS://A.TEST/'));
    expect(rewrite('<area shape=rect href="https://a.test/m">')).toContain(
      tracked('https://a.test/m'),
    );
  });

  it('leaves mailto, tel, anchors, relative links, other tags and data-href alone', () => {
    const html = [
      '<a href="mailto:x@a.test">m</a>',
      '<a href="tel:+821012345678">t</a>',
      '<a href="#top">a</a>',
      '<a href="/relative">r</a>',
      '<a href="javascript:alert(1)">j</a>',
      '<a name="x">n</a>',
      '<link href="https://a.test/style.css" rel="stylesheet">',
      '<img src="https://a.test/i.png">',
      '<a data-href="https://a.test/">d</a>',
      '<div title=\'<a href="https://a.test/">\'>q</div>',
    ].join('\n');
    expect(rewrite(html)).toBe(html);
  });

  it('does not rewrite href in text, comments, scripts, styles or a doctype', () => {
    const html = [
      '<!DOCTYPE html>',
      '<!-- <a href="https://a.test/c">commented</a> -->',
      '<!--> <a href="https://a.test/empty-comment">live</a>',
      '<p>Write href="https://a.test/t" in text, or a &lt;a href="https://a.test/e"&gt;</p>',
      '<script>var s = \'<a href="https://a.test/s">\';</script>',
      '<style>a[href="https://a.test/y"]{}</style>',
      '<textarea><a href="https://a.test/ta"></a></textarea>',
      '<![CDATA[ <a href="https://a.test/cdata"> ]]>',
    ].join('\n');
    const out = rewrite(html);
    expect(out).toBe(
      html.replace('https://a.test/empty-comment', tracked('https://a.test/empty-comment')),
    );
  });

  it('rewrites only the first of duplicate href attributes and honours opt-outs', () => {
    expect(rewrite('<a href="https://a.test/1" href="https://a.test/2">x</a>')).toBe(
      `<a href="${tracked('https://a.test/1')}" href="https://a.test/2">x</a>`,
    );
    const optOut = '<a data-nudge-no-track href="https://a.test/">x</a>';
    expect(rewrite(optOut)).toBe(optOut);
    const unsub = '<a href="https://nudge.test/u/abc">unsubscribe</a>';
    expect(
      rewriteHtml(unsub, { click, keep: (url) => url.startsWith('https://nudge.test/u/') }),
    ).toBe(unsub);
  });

  it('trims whitespace around the URL as browsers do, and keeps Korean text intact', () => {
    const seen: string[] = [];
    rewriteHtml('<a href="  https://a.test/가\n나  ">안녕하세요</a>', {
      click: (url) => {
        seen.push(url);
        return url;
      },
    });
    expect(seen).toEqual(['https://a.test/가나']);
  });

  it('quotes an unquoted value when the new URL needs it', () => {
    const out = rewriteHtml('<a href=https://a.test/>x</a>', { click: () => 'https://t.test/a b' });
    expect(out).toBe('<a href="https://t.test/a b">x</a>');
  });

  it('stops at an unterminated tag without rewriting it', () => {
    expect(rewrite('<p>hi</p><a href="https://a.test/')).toBe('<p>hi</p><a href="https://a.test/');
  });
});

describe('rewriteHtml: open pixel', () => {
  const pixel = 'https://t.test/o/abc.gif?x=1&y=2';
  it('goes before </body>, whatever its case', () => {
    const out = rewriteHtml('<html><BODY><p>hi</p></BODY></html>', { pixel });
    expect(out).toBe(
      '<html><BODY><p>hi</p><img src="https://t.test/o/abc.gif?x=1&amp;y=2" width="1" height="1" alt="" style="border:0;width:1px;height:1px"></BODY></html>',
    );
  });

  it('goes at the end of a fragment, and ignores a </body> in a comment', () => {
    const out = rewriteHtml('<p>hi</p><!-- </body> -->', { pixel });
    expect(out.startsWith('<p>hi</p><!-- </body> --><img ')).toBe(true);
  });

  it('does nothing when neither opens nor clicks are tracked', () => {
    const html = '<a href="https://a.test/">x</a>';
    expect(rewriteHtml(html, {})).toBe(html);
  });
});

describe('decodeAttribute', () => {
  it('decodes numeric and known named references, leaves the rest', () => {
    expect(decodeAttribute('&lt;&#60;&#x3C;&#X3c;&amp;&unknown;&#0;&#x110000;&amp')).toBe(
      '<<<<&&unknown;\ufffd\ufffd&',
    );
    expect(decodeAttribute('?a=1&ampb=2&amp=3')).toBe('?a=1&ampb=2&amp=3');
  });
});
