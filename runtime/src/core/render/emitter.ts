import { type Context, type Emitter, toValue } from 'liquidjs';

type Limiter = Context['memoryLimit'];

/**
 * Collects a render's output, charging every character to the render's memory budget.
 * liquidjs charges what filters build but not what a loop writes, so without this
 * `{% for i in (1..100000) %}<a long line>{% endfor %}` would build a string of gigabytes.
 */
export class BoundedEmitter implements Emitter {
  buffer = '';
  readonly #limit: Limiter;

  constructor(limit: Limiter) {
    this.#limit = limit;
  }

  write(html: unknown): void {
    const text = stringify(html);
    this.#limit.use(text.length);
    this.buffer += text;
  }
}

/** What liquidjs's own emitter writes for a value: `{{ contact.tags }}` joins the tags. */
function stringify(value: unknown): string {
  const v = toValue(value);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(stringify).join('');
  return String(v);
}
