import type { Problem } from '@nudge/schema';

/** What a problem is about, by the ids it names. */
export type ProblemSubject = { kind: 'node' | 'edge'; id: string };

/**
 * The node or edge a problem is about: the edge when its pointer is into the edges (a cycle,
 * two edges from one handle), else its node, else its edge; undefined for the whole file.
 */
export function problemSubject(problem: Problem): ProblemSubject | undefined {
  if (problem.edgeId !== undefined && isEdgePointer(problem.pointer))
    return { kind: 'edge', id: problem.edgeId };
  if (problem.nodeId !== undefined) return { kind: 'node', id: problem.nodeId };
  if (problem.edgeId !== undefined) return { kind: 'edge', id: problem.edgeId };
  return undefined;
}

export const isEdgePointer = (pointer: string): boolean => pointer.startsWith('/edges/');
