import type { Problem } from '@nudge/schema';
import { BY_IDS, type ProblemTargets } from './targets.ts';

/** The problems about one node or edge, split by severity. */
export interface TargetProblems {
  errors: Problem[];
  warnings: Problem[];
}

export interface ProblemsByTarget {
  nodes: Map<string, TargetProblems>;
  edges: Map<string, TargetProblems>;
}

/**
 * Groups problems by the canvas node or edge they are about (see ProblemTargets; by default
 * their ids), so steps and links can show their state.
 */
export function problemsByTarget(
  problems: Problem[],
  targets: ProblemTargets = BY_IDS,
): ProblemsByTarget {
  const nodes = new Map<string, TargetProblems>();
  const edges = new Map<string, TargetProblems>();
  const add = (map: Map<string, TargetProblems>, id: string, p: Problem) => {
    const entry = map.get(id) ?? { errors: [], warnings: [] };
    (p.severity === 'error' ? entry.errors : entry.warnings).push(p);
    map.set(id, entry);
  };
  for (const p of problems) {
    // A problem may be about both: a step and the link it names.
    const node = targets.node(p);
    const edge = targets.edge(p);
    if (node !== undefined) add(nodes, node, p);
    if (edge !== undefined) add(edges, edge, p);
  }
  return { nodes, edges };
}

export const NO_PROBLEMS: TargetProblems = Object.freeze({ errors: [], warnings: [] });
