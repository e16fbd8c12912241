import { type Context, type Filter, Liquid, toValueSync } from 'liquidjs';

export type RunFilter = (value: unknown, ctx: Context) => unknown;

/**
 * A filter as liquidjs runs it (Filter.render), without its generator when its arguments are
 * literals, as they nearly always are (`| default: "고객"`, `| escape`, `| date: "%Y"`).
 */
export function runFilter(filter: Filter): RunFilter {
  const slow: RunFilter = (value, ctx) => toValueSync(filter.render(value, ctx));
  const handler: unknown = Reflect.get(filter, 'handler');
  if (typeof handler !== 'function') return slow;
  const argv: unknown[] = [];
  for (const arg of filter.args) {
    const token = Array.isArray(arg) ? arg[1] : arg;
    if (token !== undefined && !(typeof token === 'object' && token !== null && 'content' in token))
      return slow;
    const content: unknown = token?.content;
    if (typeof content === 'object' && content !== null) return slow; // `empty`, `blank`: drops
    argv.push(Array.isArray(arg) ? [arg[0], content] : content);
  }
  const token: unknown = Reflect.get(filter, 'token');
  const liquid: unknown = Reflect.get(filter, 'liquid');
  const run: RunFilter =
    argv.length === 0
      ? (value, context) => toValueSync(handler.call({ context, token, liquid }, value) as unknown)
      : (value, context) =>
          toValueSync(handler.apply({ context, token, liquid }, [value, ...argv]) as unknown);
  // HTML bodies escape every output (a filter liquidjs appends, with a made-up name), and
  // most values have nothing to escape: escape returns such a string as it is, once charged.
  const escapeHtml: unknown = liquid instanceof Liquid ? liquid.filters.escape : undefined;
  if (handler !== escapeHtml || argv.length > 0) return run;
  return (value, context) => {
    if (typeof value !== 'string' || NEEDS_ESCAPE.test(value)) return run(value, context);
    context.memoryLimit.use(value.length);
    return value;
  };
}

const NEEDS_ESCAPE = /[&<>"']/;
