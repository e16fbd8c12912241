import { LIMITS } from './format.ts';
import { type Problem, pointerOf } from './problem.ts';

/**
 * Checks that run before anything else reads the file, so that no later step (the schema
 * validator recurses, and reports each unknown property) can be made to work without bound.
 * Iterative: any input is safe.
 */
export function limitProblems(input: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const refuse = (code: Problem['code'], pointer: string, message: string) =>
    problems.push({ severity: 'error', code, message, pointer });

  const count = (
    key: 'nodes' | 'edges',
    limit: number,
    code: 'too_many_nodes' | 'too_many_edges',
  ) => {
    const list = input[key];
    if (Array.isArray(list) && list.length > limit)
      refuse(
        code,
        `/${key}`,
        `the sequence has ${list.length} ${key}; at most ${limit} are allowed`,
      );
  };
  count('nodes', LIMITS.nodes, 'too_many_nodes');
  count('edges', LIMITS.edges, 'too_many_edges');
  if (problems.length > 0) return problems;

  // Paths are kept as links to the parent's, and spelt out only for a problem.
  type Path = { parent: Path; key: string | number } | null;
  const tokens = (path: Path): Array<string | number> =>
    path ? [...tokens(path.parent), path.key] : [];
  const stack: Array<[unknown, number, Path]> = [[input, 1, null]];
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop() as [unknown, number, Path];
    if (typeof value !== 'object' || value === null) continue;
    if (depth > LIMITS.jsonDepth) {
      refuse('too_deep', '', `the file nests deeper than ${LIMITS.jsonDepth} levels`);
      break;
    }
    if (Array.isArray(value)) {
      for (const [key, child] of value.entries())
        stack.push([child, depth + 1, { parent: path, key }]);
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > LIMITS.objectKeys) {
      refuse(
        'too_many_properties',
        pointerOf(...tokens(path)),
        `this object has ${keys.length} properties; at most ${LIMITS.objectKeys} are allowed`,
      );
      break;
    }
    for (const key of keys)
      stack.push([(value as Record<string, unknown>)[key], depth + 1, { parent: path, key }]);
  }
  return problems;
}
