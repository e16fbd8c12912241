import { LIMITS } from './format.ts';
import type { Problem } from './problem.ts';

/**
 * Checks that run before anything else reads the file, so that no later step (the schema
 * validator recurses) can be made to work without bound. Iterative: any input is safe.
 */
export function limitProblems(input: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const stack: Array<[unknown, number]> = [[input, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth > LIMITS.jsonDepth) {
      problems.push({
        severity: 'error',
        code: 'too_deep',
        message: `the file nests deeper than ${LIMITS.jsonDepth} levels`,
        pointer: '',
      });
      break;
    }
    for (const child of Array.isArray(value) ? value : Object.values(value))
      stack.push([child, depth + 1]);
  }
  const count = (
    key: 'nodes' | 'edges',
    limit: number,
    code: 'too_many_nodes' | 'too_many_edges',
  ) => {
    const list = input[key];
    if (Array.isArray(list) && list.length > limit)
      problems.push({
        severity: 'error',
        code,
        message: `the sequence has ${list.length} ${key}; at most ${limit} are allowed`,
        pointer: `/${key}`,
      });
  };
  count('nodes', LIMITS.nodes, 'too_many_nodes');
  count('edges', LIMITS.edges, 'too_many_edges');
  return problems;
}
