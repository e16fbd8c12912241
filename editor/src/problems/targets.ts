import type { Problem } from '@nudge/schema';
import { isEdgePointer, type ProblemSubject } from './subject.ts';

/** A node or an edge the canvas draws, by its canvas id (`key`), its file id and its index in the file. */
export interface Drawn {
  key: string;
  id: string;
  index: number;
}

/**
 * Finds what a problem is about on the canvas. The pointer says it best: "/nodes/7/..." is
 * the node at index 7, whichever id it has (two nodes may share one). Only when the pointer
 * is elsewhere, or its node or edge isn't drawn, does the problem's id decide: the first node
 * or edge with it.
 */
export class ProblemTargets {
  private readonly nodes: Lookup;
  private readonly edges: Lookup;

  /** `null` for both: every problem's ids are canvas ids as they are (see BY_IDS). */
  constructor(nodes: Drawn[] | null, edges: Drawn[] | null) {
    this.nodes = new Lookup(nodes);
    this.edges = new Lookup(edges);
  }

  /** The canvas id of the node the problem is about. */
  node(problem: Problem): string | undefined {
    return this.nodes.find(indexAt(problem.pointer, 'nodes'), problem.nodeId);
  }

  /** The canvas id of the edge the problem is about. */
  edge(problem: Problem): string | undefined {
    return this.edges.find(indexAt(problem.pointer, 'edges'), problem.edgeId);
  }

  /** Both, for marking what a problem concerns (a step and the link it names). */
  all(problem: Problem): ProblemSubject[] {
    const node = this.node(problem);
    const edge = this.edge(problem);
    return [
      ...(node === undefined ? [] : [{ kind: 'node' as const, id: node }]),
      ...(edge === undefined ? [] : [{ kind: 'edge' as const, id: edge }]),
    ];
  }

  /** The one to select: the edge when the pointer is into the edges, else the node, else the edge. */
  subject(problem: Problem): ProblemSubject | undefined {
    const node = this.node(problem);
    const edge = this.edge(problem);
    if (edge !== undefined && (isEdgePointer(problem.pointer) || node === undefined))
      return { kind: 'edge', id: edge };
    return node === undefined ? undefined : { kind: 'node', id: node };
  }

  /** The canvas id of the first node with this file id. */
  nodeWithId(id: unknown): string | undefined {
    return typeof id === 'string' ? this.nodes.find(undefined, id) : undefined;
  }
}

class Lookup {
  private readonly byIndex = new Map<number, string>();
  private readonly byId = new Map<string, string>();
  private readonly idsAsTheyAre: boolean;

  constructor(drawn: Drawn[] | null) {
    for (const d of drawn ?? []) {
      this.byIndex.set(d.index, d.key);
      if (!this.byId.has(d.id)) this.byId.set(d.id, d.key);
    }
    this.idsAsTheyAre = drawn === null;
  }

  find(index: number | undefined, id: string | undefined): string | undefined {
    const atIndex = index === undefined ? undefined : this.byIndex.get(index);
    if (atIndex !== undefined) return atIndex;
    if (id === undefined) return undefined;
    return this.idsAsTheyAre ? id : this.byId.get(id);
  }
}

/** The index of "/nodes/7/data" in nodes: 7. */
export function indexAt(pointer: string, list: 'nodes' | 'edges'): number | undefined {
  const match = INDEX[list].exec(pointer);
  return match ? Number(match[1]) : undefined;
}

const INDEX = { nodes: /^\/nodes\/(\d+)(?:\/|$)/, edges: /^\/edges\/(\d+)(?:\/|$)/ };

/** By ids alone, for a canvas where every id is drawn under itself (a story's single step). */
export const BY_IDS = new ProblemTargets(null, null);
