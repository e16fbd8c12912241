import { createLiquid } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { engineFor } from './engine.ts';

describe('createLiquid({ escapeHtml })', () => {
  it('escapes every output unless its last filter is raw; the default engine does not', () => {
    const scope = { name: '<b>"김"&</b>' };
    const html = createLiquid({ escapeHtml: true });
    expect(
      html.parseAndRenderSync('<p>{{ name }}|{{ name | upcase }}|{{ name | raw }}</p>', scope),
    ).toBe(
      '<p>&lt;b&gt;&#34;김&#34;&amp;&lt;/b&gt;|&lt;B&gt;&#34;김&#34;&amp;&lt;/B&gt;|<b>"김"&</b></p>',
    );
    expect(createLiquid().parseAndRenderSync('{{ name }}', scope)).toBe('<b>"김"&</b>');
  });
});

describe('engineFor', () => {
  it('gives one engine per mode, with the validator limits and refused tags', () => {
    expect(engineFor(true)).toBe(engineFor(true));
    expect(engineFor(true)).not.toBe(engineFor(false));
    expect(engineFor(false).options.ownPropertyOnly).toBe(true);
    expect(engineFor(false).options.strictFilters).toBe(true);
    expect(() => engineFor(false).parse("{% include 'x' %}")).toThrow(/not available/);
  });

  it('keeps capture as it was, but bounded', () => {
    const engine = engineFor(false);
    expect(
      engine.parseAndRenderSync('{% capture x %}a{{ n }}b{% endcapture %}[{{ x }}]', { n: 1 }),
    ).toBe('[a1b]');
    expect(() =>
      engine.parseAndRenderSync(
        '{% capture x %}{% for i in (1..1000) %}xxxx{% endfor %}{% endcapture %}',
        {},
        { memoryLimit: 1000 },
      ),
    ).toThrow(/memory alloc limit exceeded/);
  });
});
