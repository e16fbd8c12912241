import { describe, expect, it } from 'vitest';
import { contextOf, KIM } from '../core/render/context.test-support.ts';
import { renderEmail } from '../core/render/email.ts';
import type { RenderJob } from '../core/render/guard.ts';
import { cannotRunLong, plainTemplate } from './render-bounded.ts';

describe('plainTemplate: what the worker renders without its thread', () => {
  it.each([
    '',
    '안녕하세요',
    '{{고객명}}님, {{회사명}}을 위한 제안',
    '<p>Hi {{ first_name | default: "there" }},</p>',
    "{{ owner.name | default: 'Mina' }} {{ first_name | default: contact.name }}",
    '<a href="https://x.example/?c={{ contact.company | url_encode }}">{{- contact.attributes.plan -}}</a>',
    '{{ contact.name | default: "고객" | upcase | strip }}',
    `${'{{ contact.name }} '.repeat(30)}`,
  ])('takes %j', (template) => {
    expect(plainTemplate(template)).toBe(true);
  });

  it.each([
    ['a tag', '{% if contact.name %}{{ contact.name }}{% endif %}'],
    ['a raw tag', '{% raw %}{{고객명}}{% endraw %}'],
    ['a loop', '{% for t in contact.tags %}{{ t }}{% endfor %}'],
    ['a filter with a cost of its own', '{{ contact.tags | sort | join: "," }}'],
    ['a range', '{{ (1..n) | size }}'],
    ['an operator', '{{ a == b }}'],
    ['four filters', '{{ a | upcase | upcase | upcase | upcase }}'],
    ['a bracket lookup', '{{ contact.attributes[key] }}'],
    ['an output left open', 'Hi {{ contact.name'],
    ['too many outputs', '{{ contact.name }}'.repeat(31)],
  ])('refuses %s', (_, template) => {
    expect(plainTemplate(template)).toBe(false);
  });

  it('judges a job by all its templates', () => {
    const context = contextOf();
    const email = (subject: string, body: string) =>
      ({
        kind: 'email',
        data: { subject, body, format: 'html', mode: 'auto' },
        context,
        thread: null,
      }) as const;
    expect(cannotRunLong(email('{{고객명}}님', '<p>{{회사명}}</p>'))).toBe(true);
    expect(cannotRunLong(email('{{고객명}}님', '{% for i in (1..3) %}x{% endfor %}'))).toBe(false);
    const kakao = (url: string): RenderJob => ({
      kind: 'kakao',
      data: { templateCode: 'T', body: '{{고객명}}', buttons: [{ name: 'b', url }], mode: 'auto' },
      context,
    });
    expect(cannotRunLong(kakao('https://x.example/{{ contact.id }}'))).toBe(true);
    expect(cannotRunLong(kakao('https://x.example/{{ contact.id | sha256 }}'))).toBe(false);
    expect(
      cannotRunLong({
        kind: 'task',
        data: { kind: 'call', title: '{{고객명}}', note: '{%- x -%}' },
        context,
      } as never),
    ).toBe(false);
  });

  it('is right that such a render stays far under the hard limit, at its worst', () => {
    // Every output a contact's largest list (16 KiB of attributes), the body's text part too.
    const list = Array.from({ length: 100 }, (_, i) => `${'word '.repeat(30)}${i}`);
    const context = contextOf({ ...KIM, attributes: { list } });
    const body = `${'<div><p>{{ contact.attributes.list | upcase }}</p></div>\n'.repeat(30)}${'x'.repeat(60_000)}`;
    const data = { subject: '{{ 고객명 }}', body, format: 'html', mode: 'auto' } as const;
    expect(cannotRunLong({ kind: 'email', data, context, thread: null })).toBe(true);
    renderEmail(data, context, null); // compiled
    const started = performance.now();
    const rendered = renderEmail(data, context, null);
    expect(rendered.value.text?.length).toBeGreaterThan(400_000);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
