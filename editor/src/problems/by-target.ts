import type { Problem } from '@nudge/schema';

/** The messages of the problems that name one node or edge, split by severity. */
export interface TargetProblems {
  errors: string[];
  warnings: string[];
}

export interface ProblemsByTarget {
  nodes: Map<string, TargetProblems>;
  edges: Map<string, TargetProblems>;
}

/** Groups problems by the node or edge they name, so steps and links can show their state. */
export function problemsByTarget(problems: Problem[]): ProblemsByTarget {
  const nodes = new Map<string, TargetProblems>();
  const edges = new Map<string, TargetProblems>();
  const add = (map: Map<string, TargetProblems>, id: string, p: Problem) => {
    const entry = map.get(id) ?? { errors: [], warnings: [] };
    (p.severity === 'error' ? entry.errors : entry.warnings).push(p.message);
    map.set(id, entry);
  };
  for (const p of problems) {
    // A problem may name both, e.g. two edges leaving one handle: the node and the edge.
    if (p.nodeId !== undefined) add(nodes, p.nodeId, p);
    if (p.edgeId !== undefined) add(edges, p.edgeId, p);
  }
  return { nodes, edges };
}

export const NO_PROBLEMS: TargetProblems = Object.freeze({ errors: [], warnings: [] });
