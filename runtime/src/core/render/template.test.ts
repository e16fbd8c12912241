import { describe, expect, it } from 'vitest';
import { contextOf, KIM } from './context.test-support.ts';
import { RenderError } from './errors.ts';
import { renderField, renderTemplate, renderTemplateUncached } from './template.ts';

const context = contextOf();
const text = (template: string, c = context) => renderTemplate(template, c).text;

describe('renderTemplate', () => {
  it('renders Korean and English templates', () => {
    expect(text('{{고객명}}님, {{회사명}}의 {{직함}}님 안녕하세요.')).toBe(
      '김민준님, 한빛소프트의 팀장님 안녕하세요.',
    );
    expect(text('Hi {{ contact.name }} from {{ contact.company | upcase }}!')).toBe(
      'Hi 김민준 from 한빛소프트!',
    );
  });

  it('reads every root and every built-in alias', () => {
    const template =
      '{{ contact.email }}|{{ contact.attributes.plan }}|{{ contact.tags | join: "," }}|' +
      '{{ owner.name }}|{{ contact.owner.email }}|{{ sender.name }}|{{ sender.replyTo }}|' +
      '{{ sequence.name }}|{{고객명}}|{{회사명}}|{{직함}}|{{담당자명}}';
    expect(text(template)).toBe(
      'minjun@hanbit.example|pro|vip,trial|이서연|seoyeon@nudge.test|Nudge Team|reply@nudge.test|' +
        '체험 후속|김민준|한빛소프트|팀장|이서연',
    );
  });

  it('reads aliases by computed names', () => {
    expect(text('{% assign k = "고객명" %}{{ [k] }} {{ ["회사명"] }}')).toBe('김민준 한빛소프트');
    const keyed = contextOf({ ...KIM, attributes: { key: '직함' } });
    expect(text('{{ [contact.attributes.key] | upcase }}', keyed)).toBe('팀장');
  });

  it('follows settings.variables, overriding a built-in', () => {
    const custom = contextOf(KIM, {
      settings: { variables: { 고객명: 'contact.title', 요금제: 'contact.attributes.plan' } },
    });
    expect(text('{{고객명}} {{요금제}} {{회사명}}', custom)).toBe('팀장 pro 한빛소프트');
  });

  it('applies default to missing values', () => {
    const anonymous = contextOf({ email: 'a@b.example' });
    expect(text('{{ 고객명 | default: "고객" }}님', anonymous)).toBe('고객님');
    expect(text('Hi {{ contact.name | default: "there" }}', anonymous)).toBe('Hi there');
    expect(text('{{ 고객명 | default: "고객" }}님', context)).toBe('김민준님');
  });

  it('joins arrays and renders numbers as liquidjs does', () => {
    expect(
      text('{{ contact.tags }} {{ contact.attributes.seats | plus: 1 }} {{ contact.tags.size }}'),
    ).toBe('viptrial 13 2');
  });

  it('supports tags: if, for, assign, capture, case, echo, liquid', () => {
    const template = [
      '{% if contact.attributes.seats > 10 %}big{% else %}small{% endif %}',
      '{% for tag in contact.tags %}{{ forloop.index }}:{{ tag }}{% unless forloop.last %},{% endunless %}{% endfor %}',
      '{% assign greeting = "안녕 " | append: 고객명 %}{{ greeting }}',
      '{% capture who %}{{ 직함 }} {{ 고객명 }}{% endcapture %}{{ who }}',
      '{% case contact.attributes.plan %}{% when "pro" %}PRO{% else %}FREE{% endcase %}',
      '{% echo 회사명 %}',
      '{% liquid\n  assign n = contact.tags.size\n  echo n\n%}',
    ].join('|');
    expect(text(template)).toBe('big|1:vip,2:trial|안녕 김민준|팀장 김민준|PRO|한빛소프트|2');
  });
});

describe('missing variables', () => {
  const bare = contextOf({ email: 'a@b.example', attributes: {} }, { sender: null });
  const missing = (template: string, c = bare) => renderTemplate(template, c).missing;

  it('render empty and are reported by name as written', () => {
    expect(renderTemplate('{{고객명}}님, {{ contact.attributes.plan }} 요금제', bare)).toEqual({
      text: '님,  요금제',
      missing: ['고객명', 'contact.attributes.plan'],
    });
  });

  it('count undefined, null and empty strings, not 0 or false', () => {
    const c = contextOf({
      name: '',
      company: null as unknown as string,
      attributes: { n: 0, b: false },
    });
    expect(
      missing(
        '{{ contact.name }}{{ contact.company }}{{ contact.attributes.n }}{{ contact.attributes.b }}',
        c,
      ),
    ).toEqual(['contact.name', 'contact.company']);
  });

  it('are reported once each, in order of use', () => {
    expect(missing('{{ sender.name }} {{고객명}} {{ sender.name }} {{고객명}}')).toEqual([
      'sender.name',
      '고객명',
    ]);
  });

  it('are not reported when piped through default', () => {
    expect(
      missing('{{ 고객명 | default: "고객" }} {{ contact.name | upcase | default: "x" }}'),
    ).toEqual([]);
    expect(missing('{{ 고객명 | default: "고객" }} {{ 고객명 }}')).toEqual(['고객명']);
  });

  it('are not reported in conditions, nor in outputs that do not render', () => {
    expect(missing('{% if contact.company %}at {{ contact.company }}{% endif %}')).toEqual([]);
    expect(missing('{% unless 고객명 == blank %}{{ 고객명 }}{% endunless %}')).toEqual([]);
    expect(missing('{% if true %}{{ contact.company }}{% endif %}')).toEqual(['contact.company']);
  });

  it('include filter arguments and indexes, but not loop variables or assigns', () => {
    expect(missing('{{ "Hi " | append: 고객명 }}')).toEqual(['고객명']);
    expect(missing('{{ contact.attributes[contact.name] }}')).toEqual([
      'contact.attributes[contact.name]',
      'contact.name',
    ]);
    expect(
      missing('{% for t in contact.tags %}{{ t }}{% endfor %}{% assign x = "" %}{{ x }}'),
    ).toEqual([]);
  });

  it('are the same through echo and inside loops', () => {
    expect(missing('{% echo 회사명 %}{% for i in (1..3) %}{{ owner.name }}{% endfor %}')).toEqual([
      '회사명',
      'owner.name',
    ]);
  });

  it('become warnings naming the field', () => {
    expect(renderField('subject', '{{고객명}}님께', bare)).toEqual({
      text: '님께',
      warnings: ['subject: {{ 고객명 }} has no value, so it rendered empty'],
    });
  });
});

describe('prototypes', () => {
  it('are out of reach: such variables render empty', () => {
    const templates = [
      '{{ contact.constructor }}',
      '{{ contact.__proto__ }}',
      '{{ contact.constructor.name }}',
      '{{ contact["constructor"]["constructor"] }}',
      '{{ contact.tags.constructor }}',
      '{{ contact.name.constructor }}',
      '{{ contact.hasOwnProperty }}',
      '{{ constructor }}',
      '{{ toString }}',
      '{{ __proto__ }}',
      '{{ contact.attributes.__proto__.polluted }}',
      '{% assign c = contact.constructor %}{{ c.name }}',
    ];
    for (const template of templates) {
      expect(text(template), template).toBe('');
      expect(renderTemplate(template, context, { html: true }).text, template).toBe('');
    }
  });
});

describe('html', () => {
  const evil = contextOf({ ...KIM, name: '<script>alert("x")</script>' });

  it('escapes outputs in HTML, not in text', () => {
    expect(renderTemplate('<p>{{ contact.name }}</p>', evil, { html: true }).text).toBe(
      '<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>',
    );
    expect(renderTemplate('<p>{{ 고객명 | upcase }}</p>', evil, { html: true }).text).toBe(
      '<p>&lt;SCRIPT&gt;ALERT(&#34;X&#34;)&lt;/SCRIPT&gt;</p>',
    );
    expect(text('{{ contact.name }}', evil)).toBe('<script>alert("x")</script>');
  });

  it('lets the author opt out with raw, as the last filter', () => {
    const html = (t: string) => renderTemplate(t, evil, { html: true }).text;
    expect(html('{{ contact.name | raw }}')).toBe('<script>alert("x")</script>');
    expect(html('{{ contact.attributes.banner | default: "<b>hi</b>" | raw }}')).toBe('<b>hi</b>');
  });

  it('escapes echo too, and literal text not at all', () => {
    expect(renderTemplate('<b>{% echo contact.name %}</b>', evil, { html: true }).text).toBe(
      '<b>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</b>',
    );
  });
});

describe('errors', () => {
  it('throws RenderError for a template that does not parse', () => {
    const error = (() => {
      try {
        renderTemplate('{% if %}', context);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RenderError);
    expect(error).toMatchObject({ field: 'template' });
    expect((error as Error).message).toBe(
      'not a valid template: invalid value expression: "" (line 1, column 6)',
    );
  });

  it('names the field, and says what failed', () => {
    expect(() => renderField('buttons.0.url', '{{ "x" | nope }}', context)).toThrow(
      expect.objectContaining({
        name: 'RenderError',
        field: 'buttons.0.url',
        message: expect.stringContaining('undefined filter: nope'),
      }),
    );
  });

  it('does not leak state between renders', () => {
    renderTemplate('{% assign 고객명 = "x" %}{% increment 회사명 %}', context);
    expect(text('{{ 고객명 }} {{ 회사명 }}')).toBe('김민준 한빛소프트');
  });
});

describe('renderTemplateUncached', () => {
  it('renders as the cached path does', () => {
    const template =
      '{{고객명}} {% for t in contact.tags %}{{ t | upcase }}{% endfor %} {{ nope }}';
    for (const html of [false, true])
      expect(renderTemplateUncached(template, context, { html })).toEqual(
        renderTemplate(template, context, { html }),
      );
  });
});
