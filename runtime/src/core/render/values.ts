import {
  type Context,
  type Expression,
  type Template,
  TypeGuards,
  toValueSync,
  Value,
} from 'liquidjs';
import { runFilter } from './filters.ts';
import { lookup, type Path } from './lookup.ts';

/**
 * Values in tags (`{% if a == "b" %}`, `{% assign %}`, `{% case %}`, `{% echo %}`) evaluated
 * without liquidjs's generators when their expression is paths, literals and binary
 * operators, as in nearly every template; anything else keeps liquidjs's evaluation. Tags
 * `yield` what `value()` returns, and a plain value yields itself.
 */
export function prepareValues(node: Template): void {
  if (!node.arguments) return;
  for (const argument of node.arguments()) {
    if (!(argument instanceof Value)) continue;
    const evaluate = expressionOf(argument.initial);
    if (!evaluate) continue;
    const filters = argument.filters.map(runFilter);
    const value = (ctx: Context): unknown => {
      let result = evaluate(ctx);
      for (const filter of filters) result = filter(result, ctx);
      return result;
    };
    Reflect.set(argument, 'value', value);
  }
}

/** liquidjs's binary operators; `not`, the unary one, and anything new stay with liquidjs. */
const BINARY = new Set(['==', '!=', '>', '<', '>=', '<=', 'contains', 'and', 'or']);

/** Expression.evaluate for paths, literals and binary operators; null for anything else. */
function expressionOf(expression: Expression): ((ctx: Context) => unknown) | null {
  const steps: Array<(ctx: Context, operands: unknown[]) => void> = [];
  for (const token of expression.postfix) {
    if (TypeGuards.isOperatorToken(token)) {
      const operator = token.operator;
      if (!BINARY.has(operator)) return null;
      steps.push((ctx, operands) => {
        const right = operands.pop();
        const left = operands.pop();
        const apply = ctx.opts.operators[operator];
        operands.push(apply ? toValueSync(apply(left, right, ctx)) : undefined);
      });
    } else if ('content' in token) {
      const content: unknown = token.content;
      steps.push((_ctx, operands) => operands.push(content));
    } else {
      const path = pathOf(token);
      if (!path) return null;
      if (expression.postfix.length === 1) return (ctx) => lookup(ctx, path);
      steps.push((ctx, operands) => operands.push(lookup(ctx, path)));
    }
  }
  return (ctx) => {
    const operands: unknown[] = [];
    for (const step of steps) step(ctx, operands);
    return operands[0];
  };
}

/** The path of `a.b["c"][0]` (literal keys only), or null for anything else. */
export function pathOf(token: unknown): Path | null {
  if (!TypeGuards.isPropertyAccessToken(token) || token.variable) return null;
  const path: Path = [];
  for (const prop of token.props) {
    const key: unknown = 'content' in prop ? prop.content : undefined;
    if (typeof key !== 'string' && typeof key !== 'number') return null;
    path.push(key);
  }
  return path;
}
