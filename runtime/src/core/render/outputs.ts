import {
  type Context,
  EchoTag,
  type Emitter,
  Output,
  type Template,
  TypeGuards,
  toValue,
  toValueSync,
  Value,
} from 'liquidjs';
import { runFilter } from './filters.ts';
import { lookup, type Path } from './lookup.ts';
import { isEmpty, RenderContext, type Use, usesOf } from './missing.ts';
import { pathOf, prepareValues } from './values.ts';

/**
 * Prepares the nodes of a parsed template, once, when it is parsed:
 * - each output that reads template-wide variables and has no `default` notes the ones that
 *   render empty (missing.ts);
 * - `{{ path | filters }}`, most of a template, renders without liquidjs's chain of a dozen
 *   generators per output (about 2 µs each): the value is looked up once, as the engine looks
 *   it up, then the filters run as liquidjs runs them. The result is the same;
 * - literal text is written without a generator, and tags' values are evaluated without
 *   generators when they can be (values.ts).
 */
export function prepareOutputs(templates: readonly Template[], globals: ReadonlySet<string>): void {
  for (const node of templates) {
    const text: unknown = Reflect.get(node, 'str');
    if (TypeGuards.isHTMLToken(node.token) && typeof text === 'string') {
      node.render = (_ctx: Context, emitter: Emitter) => emitter.write(text);
      continue;
    }
    prepareValues(node);
    if (isOutput(node)) prepareOutput(node, globals);
    if (node.children) prepareOutputs(toValueSync(node.children(false, true)), globals);
  }
}

/** `{{ }}` and `{% echo %}`: the nodes that write a value. */
const isOutput = (node: Template): boolean => node instanceof Output || node instanceof EchoTag;

function prepareOutput(node: Template, globals: ReadonlySet<string>): void {
  const value: unknown = Reflect.get(node, 'value');
  if (!(value instanceof Value)) return; // a bare {% echo %}
  const watched = value.filters.some((f) => f.name === 'default') ? [] : usesOf(node, globals);
  const path = node instanceof Output ? literalPath(value) : null;
  if (path) node.render = fastOutput(value, path, watched);
  else if (watched.length > 0) watch(node, watched);
}

/** The path of `{{ a.b["c"][0] | ... }}`, or null for anything else (operators, ranges...). */
function literalPath(value: Value): Path | null {
  const [token, ...rest] = value.initial.postfix;
  return rest.length === 0 ? pathOf(token) : null;
}

function fastOutput(value: Value, path: Path, watched: readonly Use[]) {
  const filters = value.filters.map(runFilter);
  // When the output's only watched variable is the path itself, its value is the one looked up.
  const [first, ...others] = watched;
  const only =
    first && others.length === 0 && first.segments.join('\0') === path.join('\0')
      ? first
      : undefined;
  return (ctx: Context, emitter: Emitter): void => {
    let result = lookup(ctx, path);
    if (ctx instanceof RenderContext) {
      if (only) {
        if (isEmpty(result)) ctx.missing.add(only.name);
      } else if (watched.length > 0) ctx.note(watched);
    }
    for (const filter of filters) result = filter(result, ctx);
    emitter.write(toValueSync(toValue(result)));
  };
}

function watch(node: Template, uses: readonly Use[]): void {
  const render = node.render;
  node.render = (ctx: Context, emitter: Emitter) => {
    if (ctx instanceof RenderContext) ctx.note(uses);
    return render.call(node, ctx, emitter);
  };
}
