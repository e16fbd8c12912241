import { ruleFields } from './fields.ts';
import { LIMITS } from './format.ts';
import { type Problem, pointerOf } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';
import { ruleDepth, ruleSize } from './rule.ts';

/**
 * Checks that run before anything else reads the file, so that no later step (the schema
 * validator recurses, and reports each unknown property) can be made to work without bound.
 * Iterative: any input is safe.
 */
export function limitProblems(input: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const refuse = (code: Problem['code'], pointer: string, params: Record<string, string>) =>
    problems.push({ severity: 'error', ...problemWith(code, params), pointer });

  const count = (
    key: 'nodes' | 'edges',
    limit: number,
    code: 'too_many_nodes' | 'too_many_edges',
  ) => {
    const list = input[key];
    if (Array.isArray(list) && list.length > limit)
      refuse(code, `/${key}`, { count: String(list.length), limit: String(limit) });
  };
  count('nodes', LIMITS.nodes, 'too_many_nodes');
  count('edges', LIMITS.edges, 'too_many_edges');
  if (problems.length > 0) return problems;

  // Paths are kept as links to the parent's, and spelt out only for a problem. Only objects
  // and arrays go on the stack: the scalars in them are counted where they stand, so a list of
  // a hundred thousand numbers costs a loop, not a hundred thousand paths.
  type Path = { parent: Path; key: string | number } | null;
  const tokens = (path: Path): Array<string | number> =>
    path ? [...tokens(path.parent), path.key] : [];
  const stack: Array<[object, number, Path]> = [[input, 1, null]];
  let values = 1;
  const tooMany = () => refuse('too_many_values', '', { limit: String(LIMITS.values) });
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop() as [object, number, Path];
    if (depth > LIMITS.jsonDepth) {
      refuse('too_deep', '', { limit: String(LIMITS.jsonDepth) });
      break;
    }
    if (Array.isArray(value)) {
      values += value.length;
      if (values > LIMITS.values) {
        tooMany();
        break;
      }
      for (let key = 0; key < value.length; key++) {
        const child: unknown = value[key];
        if (typeof child === 'object' && child !== null)
          stack.push([child, depth + 1, { parent: path, key }]);
      }
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > LIMITS.objectKeys) {
      refuse('too_many_properties', pointerOf(...tokens(path)), {
        count: String(keys.length),
        limit: String(LIMITS.objectKeys),
      });
      break;
    }
    values += keys.length;
    if (values > LIMITS.values) {
      tooMany();
      break;
    }
    for (const key of keys) {
      const child: unknown = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null)
        stack.push([child, depth + 1, { parent: path, key }]);
    }
  }
  return problems;
}

/**
 * The nesting and the tests and groups of every RULE of the file (LIMITS.ruleDepth,
 * LIMITS.rule.parts): checked before the schema validator, whose code for RULEs (which nest)
 * copies the errors gathered so far at each item of an `all` or `any`: a RULE of 5,000 wrong
 * items took 5 s to judge, of 20,000 82 s. The values a RULE compares with are counted after
 * the schema (graph.ts), which names the list that is too long.
 */
export function ruleLimitProblems(input: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const { rule, path } of ruleFields(input)) {
    const refuse = (code: Problem['code'], params: Record<string, string>) =>
      problems.push({
        severity: 'error',
        ...problemWith(code, params),
        pointer: pointerOf(...path),
      });
    if (ruleDepth(rule) > LIMITS.ruleDepth)
      refuse('rule_too_deep', { limit: String(LIMITS.ruleDepth) });
    else if (ruleSize(rule).parts > LIMITS.rule.parts)
      refuse('rule_too_large', { kind: 'parts', limit: String(LIMITS.rule.parts) });
  }
  return problems;
}
