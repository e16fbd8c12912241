/**
 * The one-click fix for a variable that rendered empty: every `{{ name }}` output of a template
 * that has no `default` filter gets `| default: "value"` right after the variable, so the filters
 * the author wrote apply to the default too (`{{ name | default: "고객" | upcase }}`). Outputs
 * that read the variable in an expression, tags (`{% if name %}`) and raw blocks stay as written.
 */
export function addDefault(template: string, name: string, value: string): string {
  const outputs = /\{\{(-?)([\s\S]*?)(-?)\}\}/g;
  const raw = rawSpans(template);
  return template.replace(
    outputs,
    (whole, open: string, inner: string, close: string, at: number) => {
      if (raw.some(([start, end]) => at >= start && at < end)) return whole;
      const match = /^(\s*)([^\s|]+)(\s*)((?:\|[\s\S]*)?)$/.exec(inner);
      if (!match) return whole;
      const [, before = '', variable = '', between = '', filters = ''] = match;
      if (variable !== name && !sameVariable(variable, name)) return whole;
      if (/\|\s*default\s*:/.test(filters)) return whole;
      const after = filters === '' ? between : ` ${filters}`;
      return `{{${open}${before}${variable} | default: ${quote(value)}${after}${close}}}`;
    },
  );
}

/** `contact.name` and `contact["name"]` name the same variable. */
function sameVariable(written: string, name: string): boolean {
  return written.replace(/\["([^"\]]+)"\]|\['([^'\]]+)'\]/g, (_, a, b) => `.${a ?? b}`) === name;
}

/** A Liquid string literal: double quotes, unless the value holds one. */
function quote(value: string): string {
  return value.includes('"') ? `'${value.replace(/'/g, '’')}'` : `"${value}"`;
}

/** Where `{% raw %}…{% endraw %}` blocks are: their outputs are text, not variables. */
function rawSpans(template: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const blocks = /\{%-?\s*raw\s*-?%\}[\s\S]*?(\{%-?\s*endraw\s*-?%\}|$)/g;
  for (const m of template.matchAll(blocks)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}
