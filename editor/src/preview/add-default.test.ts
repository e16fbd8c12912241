import { describe, expect, it } from 'vitest';
import { addDefault } from './add-default.ts';

describe('addDefault', () => {
  it('adds the default to every bare output of the variable', () => {
    expect(addDefault('{{ 고객명 }}님, {{고객명}}!', '고객명', '고객')).toBe(
      '{{ 고객명 | default: "고객" }}님, {{고객명 | default: "고객"}}!',
    );
  });

  it('puts it before the filters the author wrote, and keeps whitespace control', () => {
    expect(addDefault('{{- contact.name | upcase -}}', 'contact.name', 'there')).toBe(
      '{{- contact.name | default: "there" | upcase -}}',
    );
  });

  it('leaves outputs with a default, other variables, tags and raw blocks alone', () => {
    const template =
      '{{ name | default: "x" }} {{ names }} {% if name %}{{ name }}{% endif %} {% raw %}{{ name }}{% endraw %} {{ name == 1 }}';
    expect(addDefault(template, 'name', 'y')).toBe(
      '{{ name | default: "x" }} {{ names }} {% if name %}{{ name | default: "y" }}{% endif %} {% raw %}{{ name }}{% endraw %} {{ name == 1 }}',
    );
  });

  it('knows a variable written with brackets', () => {
    expect(addDefault('{{ contact["company"] }}', 'contact.company', '귀사')).toBe(
      '{{ contact["company"] | default: "귀사" }}',
    );
  });

  it('quotes a value that holds a double quote with single quotes', () => {
    expect(addDefault('{{ a }}', 'a', 'say "hi"')).toBe(`{{ a | default: 'say "hi"' }}`);
  });
});
