import { type Context, toValueSync } from 'liquidjs';

export type Path = Parameters<Context['getSync']>[0];

/**
 * `ctx.getSync(path)` without its two generators: the scope that holds the root (the
 * innermost loop or assign scope first, then the merge context), then the engine's own
 * property reads (own properties only, `size`/`first`/`last`). Falls back to getSync should
 * liquidjs ever keep its scopes elsewhere.
 */
export function lookup(ctx: Context, path: Path): unknown {
  const scopes: unknown = Reflect.get(ctx, 'scopes');
  const root = path[0];
  if (!Array.isArray(scopes) || root === undefined) return ctx.getSync(path);
  let value: unknown = ctx.globals;
  if (root in ctx.environments) value = ctx.environments;
  for (let i = scopes.length - 1; i >= 0; i--)
    if (root in scopes[i]) {
      value = scopes[i];
      break;
    }
  for (const key of path) value = toValueSync(ctx.readProperty(value as object, key));
  return value;
}
