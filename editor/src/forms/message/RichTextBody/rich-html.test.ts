import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRichText, fromRichDocument, protectLiquid, toRichDocument } from './rich-html.ts';

const roundTrip = (html: string) => fromRichDocument(toRichDocument(html));

describe('the rich-text round trip', () => {
  it('keeps Liquid outputs and tags in text exactly, filters and quotes included', () => {
    const html =
      '<p>{{ contact.name | default: "고객" }}님, {% if contact.company %}{{ 회사명 }}{% endif %} &amp; {{ "<b>" }}</p>';
    expect(roundTrip(html)).toBe(html);
    expect(checkRichText(html).ok).toBe(true);
  });

  it('keeps Liquid inside an attribute (a link) where it is', () => {
    const html = '<p><a href="https://acme.kr/demo?c={{ contact.id }}&amp;s=1">데모 보기</a></p>';
    expect(protectLiquid(html)).toBe(html);
    expect(roundTrip(html)).toBe(html);
  });

  it('accepts what means the same: line breaks between blocks, <b> and <i>, bare list items', () => {
    for (const html of [
      '<p>안녕하세요 {{ contact.name }}님,</p>\n<p>{{ 회사명 }} 맞춤 제안서입니다.</p>',
      '<p><b>굵게</b> <i>기울임</i></p>',
      '<ul>\n  <li>하나</li>\n  <li>둘</li>\n</ul>',
      '',
    ])
      expect(checkRichText(html), html).toMatchObject({ ok: true });
    expect(roundTrip('<ul><li><p>하나</p></li></ul>')).toBe('<ul><li>하나</li></ul>');
  });

  it('refuses what rich text would change, and quotes where', () => {
    const cases: Array<[string, string]> = [
      [
        '{% if contact.company %}<p>회사</p>{% endif %}',
        '{% if contact.company %}<p>회사</p>{% endi…',
      ],
      ['<table><tr><td>x</td></tr></table>', '<table><tr><td>x</td></tr></table>'],
      ['<style>p { color: red }</style><p>x</p>', '<style>p { color: red }</style><p>x</p>'],
      ['<p>ok</p><p class="lead">x</p>', '<p class="lead">x</p>'],
      ['<p style="color: red">x</p>', '<p style="color: red">x</p>'],
    ];
    for (const [html, near] of cases)
      expect(checkRichText(html), html).toEqual({ ok: false, near });
  });

  it('turns an empty document into an empty body', () => {
    expect(roundTrip('')).toBe('');
    expect(roundTrip('<p></p>')).toBe('');
  });
});

/** HTML as the rich editor writes it, from what it knows: source → rich → source is identical. */
const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const word = fc
  .array(fc.constantFrom(...'ab가나다Zz09&<>"\'.,!?-'.split('')), { minLength: 1, maxLength: 6 })
  .map((chars) => escapeText(chars.join('')));
const liquid = fc.constantFrom(
  '{{ contact.name }}',
  '{{ 고객명 | default: "고객" }}',
  '{{contact.attributes.plan}}',
  '{% if contact.company %}',
  '{% endif %}',
  '{%- assign n = 3 -%}',
  '{{ "a > b" }}',
);
const url = fc.constantFrom(
  'https://acme.kr/',
  'https://acme.kr/a?b=1&amp;c=2',
  '{{ link }}',
  'https://acme.kr/?c={{ contact.id }}',
);
const inline = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: liquid },
  { weight: 1, arbitrary: word.map((w) => `<strong>${w}</strong>`) },
  { weight: 1, arbitrary: word.map((w) => `<em>${w}</em>`) },
  { weight: 1, arbitrary: fc.tuple(url, word).map(([u, w]) => `<a href="${u}">${w}</a>`) },
  { weight: 1, arbitrary: url.map((u) => `<img src="${u}">`) },
);
const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const lines = fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('<br>'));
const items = fc.array(lines, { minLength: 1, maxLength: 3 });
const block = fc.oneof(
  { weight: 4, arbitrary: lines.map((l) => `<p>${l}</p>`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 3 }), line)
      .map(([n, l]) => `<h${n}>${l}</h${n}>`),
  },
  {
    weight: 1,
    arbitrary: items.map((is) => `<ul>${is.map((i) => `<li>${i}</li>`).join('')}</ul>`),
  },
  {
    weight: 1,
    arbitrary: items.map((is) => `<ol>${is.map((i) => `<li>${i}</li>`).join('')}</ol>`),
  },
);
const body = fc.array(block, { minLength: 1, maxLength: 5 }).map((bs) => bs.join(''));

describe('the rich-text round trip, over random bodies the rich editor writes', () => {
  it('gives back the same HTML, and accepts it', () => {
    fc.assert(
      fc.property(body, (html) => {
        expect(roundTrip(html)).toBe(html);
        expect(checkRichText(html).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
