import { describe, expect, it } from 'vitest';
import { contextOf } from './context.test-support.ts';
import { RenderError } from './errors.ts';
import { renderField, renderTemplate } from './template.ts';

/* Templates come from users: none may hang a worker or exhaust its memory. */

const context = contextOf();

/** The RenderError a template fails with, and how long it took to fail. */
function failure(template: string, html = false): { error: RenderError; ms: number } {
  const start = performance.now();
  try {
    renderField('body', template, context, { html });
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    return { error, ms: performance.now() - start };
  }
  throw new Error(`rendered: ${template.slice(0, 60)}`);
}

describe('limits', () => {
  it('stops an enormous loop at once (the range is too large)', () => {
    const { error, ms } = failure('{% for i in (1..100000000) %}x{% endfor %}');
    expect(error.field).toBe('body');
    expect(error.message).toMatch(/^it builds too much text/);
    expect(ms).toBeLessThan(1000);
  });

  it('stops nested loops on time', () => {
    const { error, ms } = failure(
      '{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}',
    );
    expect(error.message).toMatch(/^it takes longer than 200 ms to render/);
    expect(ms).toBeLessThan(1000);
  });

  it('stops a long loop with an empty body', () => {
    const { ms } = failure(
      '{% for i in (1..1900000) %}{% endfor %}{% for i in (1..1900000) %}{% endfor %}',
    );
    expect(ms).toBeLessThan(1000);
  });

  it('stops strings doubled by filters', () => {
    const { error, ms } = failure(
      '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
    );
    expect(error.message).toMatch(/^it builds too much text/);
    expect(ms).toBeLessThan(1000);
  });

  it('stops loops that write too much, directly or through capture', () => {
    const line = 'x'.repeat(1000);
    for (const template of [
      `{% for i in (1..100000) %}${line}{% endfor %}`,
      `{% capture s %}{% for i in (1..100000) %}${line}{% endfor %}{% endcapture %}`,
      `{% for i in (1..100000) %}{{ contact.name }}{{ i }}${line}{% endfor %}`,
    ]) {
      const { error, ms } = failure(template, true);
      expect(error.message).toMatch(/^it builds too much text/);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('lets real templates through: loops of thousands, outputs of a hundred kilobytes', () => {
    const template =
      '{% for i in (1..5000) %}<p>{{ 고객명 }}님, 안녕하세요. {{ i }}</p>\n{% endfor %}';
    expect(renderTemplate(template, context, { html: true }).text.length).toBeGreaterThan(100_000);
  });

  it('refuses tags that read files', () => {
    for (const tag of [
      "{% include 'x' %}",
      "{% render 'x' %}",
      "{% layout 'x' %}",
      '{% block a %}{% endblock %}',
    ]) {
      expect(() => renderField('body', tag, context)).toThrow(
        expect.objectContaining({
          field: 'body',
          message: expect.stringMatching(/^not a valid template: the ".+" tag is not available/),
        }),
      );
    }
  });

  it('refuses templates over the parse limit', () => {
    expect(() => renderTemplate('x'.repeat(64 * 1024 + 1), context)).toThrow(RenderError);
  });

  it('keeps rendering after a failure', () => {
    failure('{% for i in (1..100000000) %}x{% endfor %}');
    expect(renderTemplate('{{ 고객명 }}', context).text).toBe('김민준');
  });
});
