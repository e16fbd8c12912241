import { createLiquid } from '@nudge/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../types.ts';
import { contextOf } from './context.test-support.ts';
import { scopeOf } from './context.ts';
import { renderTemplate, renderTemplateUncached } from './template.ts';

/*
 * The cache and the fast paths (outputs.ts, run.ts) must not change a single character:
 * random templates, built from fragments, over random contacts, render the same cached,
 * uncached, and through liquidjs's own renderSync.
 */

const text = fc.oneof(
  fc.constantFrom('', '김민준', 'Ana <b>Díaz</b>', '"quoted" & \'single\'', 'a\r\nBcc: x@y', '0'),
  fc.string({ maxLength: 12 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const contactArb: fc.Arbitrary<Contact> = fc.record(
  {
    email: maybe(fc.constantFrom('minjun@hanbit.example', 'ana@example.com')),
    name: maybe(text),
    company: maybe(text),
    title: maybe(text),
    tags: maybe(fc.array(fc.constantFrom('vip', 'lead', '고객'), { maxLength: 3 })),
    attributes: maybe(
      fc.record(
        { plan: maybe(text), seats: maybe(fc.integer({ min: -5, max: 50 })) },
        { requiredKeys: [] },
      ),
    ),
    owner: maybe(fc.record({ name: maybe(text), email: maybe(text) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

const FRAGMENTS = [
  'Hi ',
  '<p>',
  '</p>\n',
  '{{ contact.name }}',
  '{{고객명}}',
  '{{ 회사명 | upcase }}',
  '{{ 직함 | default: "고객" }}',
  '{{ 담당자명 | append: "님" | prepend: "<" }}',
  '{{ contact.attributes.plan | default: contact.company }}',
  '{{ contact.attributes.seats | plus: 1 | times: 2 }}',
  '{{ contact.tags }}',
  '{{ contact.tags.first }}{{ contact.tags.size }}{{ contact.tags[1] }}',
  '{{ contact.attributes["plan"] }}',
  '{{ contact.owner.email | raw }}',
  '{{ "<&>" }}',
  '{{ sender.name }} {{ sequence.name }}',
  '{{ contact.name | truncate: 3 }}',
  '{{ contact.name | replace: "a", "<" | escape }}',
  '{% if contact.attributes.seats > 10 %}big{% else %}{{ contact.attributes.seats }}{% endif %}',
  '{% for t in contact.tags %}{{ forloop.index }}{{ t }}{% unless forloop.last %}, {% endunless %}{% endfor %}',
  '{% for t in contact.tags limit: 1 %}{% if t == "vip" %}{% break %}{% endif %}{{ t }}{% endfor %}',
  '{% assign n = contact.name | default: "x" %}{{ n }}',
  '{% assign contact = sender %}',
  '{% capture c %}{{ 고객명 }}<i>{% endcapture %}{{ c }}',
  '{% echo contact.company %}',
  '{% increment counter %}{{ counter }}',
  '{% case contact.attributes.plan %}{% when "pro" %}P{% else %}{{ contact.attributes.plan }}{% endcase %}',
  '{% for i in (1..2) %}{{ v }}{% assign v = i %}{% endfor %}',
  '{% if contact.attributes.seats > 10 and contact.name contains "김" or contact.tags contains "vip" %}Y{% endif %}',
  '{% if contact.attributes.seats >= 5 and contact.attributes.seats <= 20 %}mid{% endif %}',
  '{% unless contact.name == "" or contact.name == nil %}N{% endunless %}',
  '{% if contact.name == empty or contact.company == blank %}E{% endif %}',
  '{% if not contact.title %}T{% endif %}{% if contact.title != 직함 %}!{% endif %}',
  '{% assign big = contact.attributes.seats > 10 %}{{ big }}',
  '{% assign first = contact.tags | first | default: "none" | upcase %}{{ first }}',
  '{% if contact.tags.size > 1 %}{{ contact.tags | join: " & " }}{% endif %}',
  '{% assign k = "회사명" %}{{ [k] | default: "-" }}',
];

const templateArb = fc
  .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 })
  .map((f) => f.join(''));

const stock = { text: createLiquid(), html: createLiquid({ escapeHtml: true }) };

describe('rendering', () => {
  it('is the same cached, uncached and in liquidjs itself', () => {
    fc.assert(
      fc.property(templateArb, contactArb, fc.boolean(), (template, contact, html) => {
        const context = contextOf(contact);
        const cached = renderTemplate(template, context, { html });
        expect(renderTemplate(template, context, { html })).toEqual(cached);
        expect(renderTemplateUncached(template, context, { html })).toEqual(cached);
        const engine = html ? stock.html : stock.text;
        expect(cached.text).toBe(engine.parseAndRenderSync(template, scopeOf(context, null)));
      }),
      { numRuns: 500 },
    );
  });
});
