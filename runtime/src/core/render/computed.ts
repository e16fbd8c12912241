import { type Expression, type Template, TypeGuards, toValueSync, Value } from 'liquidjs';

/**
 * Whether a template reads a variable by a computed name, `{{ [name] }}`: liquidjs's analysis
 * reports `name` there, not what it names, so such a template gets every alias in its scope.
 */
export function readsComputedNames(templates: readonly Template[]): boolean {
  for (const node of templates) {
    if (node.arguments)
      for (const argument of node.arguments())
        if (argument instanceof Value ? computedInValue(argument) : computed(argument)) return true;
    if (node.children && readsComputedNames(toValueSync(node.children(false, true)))) return true;
  }
  return false;
}

/** A Value, or a grouped `(a | filter)` token: an expression and filters with arguments. */
type Filtered = { initial: Expression; filters: ReadonlyArray<{ args: readonly unknown[] }> };

function computedInValue(value: Filtered): boolean {
  return (
    value.initial.postfix.some(computed) ||
    value.filters.some((f) => f.args.some((arg) => computed(Array.isArray(arg) ? arg[1] : arg)))
  );
}

function computed(token: unknown): boolean {
  if (TypeGuards.isPropertyAccessToken(token)) {
    const [root] = token.props;
    if (!token.variable && root && !('content' in root)) return true;
    return computed(token.variable) || token.props.some(computed);
  }
  if (TypeGuards.isRangeToken(token)) return computed(token.lhs) || computed(token.rhs);
  if (TypeGuards.isFilteredValueToken(token)) return computedInValue(token);
  return false;
}
