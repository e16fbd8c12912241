import type { Position, Problem } from '@nudge/schema';
import type { LinkFlowEdge, StepFlowNode } from '../canvas/flow-types.ts';
import { toFlow } from '../canvas/to-flow.ts';
import type { TargetProblems } from '../problems/by-target.ts';
import type { ProblemTargets } from '../problems/targets.ts';
import type { SequenceFile } from './file.ts';

export interface Drawn {
  nodes: StepFlowNode[];
  edges: LinkFlowEdge[];
  targets: ProblemTargets;
}

/**
 * The canvas after an edit: React Flow's nodes and edges derived from the document again,
 * keeping what only the canvas knows (selection, measured sizes, where unplaced steps were
 * drawn). A step or link whose content did not change keeps its very object, so React Flow
 * re-renders only what an edit touched: typing in one step of 1,000 redraws one card.
 */
export function redraw(file: SequenceFile, problems: Problem[], before: Drawn): Drawn {
  const previousNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const drawnAt = new Map<string, Position>(before.nodes.map((n) => [n.id, n.position]));
  const flow = toFlow(file, problems, drawnAt);
  const nodes = flow.nodes.map((node) => {
    const old = previousNodes.get(node.id);
    if (!old) return node;
    if (sameStep(old, node)) return old;
    // A drawn card keeps what React Flow measured of it, its handles too (drawn-handles.ts).
    const { handles, ...rest } = node;
    return {
      ...rest,
      ...(old.handles && handles ? { handles } : {}),
      ...(old.selected ? { selected: true } : {}),
      ...(old.measured ? { measured: old.measured } : {}),
    };
  });
  const previousEdges = new Map(before.edges.map((e) => [e.id, e]));
  const edges = flow.edges.map((edge) => {
    const old = previousEdges.get(edge.id);
    if (!old) return edge;
    if (sameLink(old, edge)) return old;
    return old.selected ? { ...edge, selected: true } : edge;
  });
  // Most edits change no link: the very same list, or React Flow indexes every link again
  // (a third of a keystroke's time in a 1,000-step sequence, bench:editor).
  const sameEdges =
    edges.length === before.edges.length && edges.every((e, i) => e === before.edges[i]);
  return { nodes, edges: sameEdges ? before.edges : edges, targets: flow.targets };
}

function sameStep(a: StepFlowNode, b: StepFlowNode): boolean {
  const x = a.data.step;
  const y = b.data.step;
  return (
    a.type === b.type &&
    x.index === y.index &&
    x.id === y.id &&
    x.rawType === y.rawType &&
    x.data === y.data &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    sameProblems(a.data.problems, b.data.problems) &&
    sameList(a.data.stray.sources, b.data.stray.sources) &&
    a.data.stray.target === b.data.stray.target
  );
}

function sameLink(a: LinkFlowEdge, b: LinkFlowEdge): boolean {
  const x = a.data?.link;
  const y = b.data?.link;
  return (
    !!x &&
    !!y &&
    x.id === y.id &&
    x.index === y.index &&
    x.source === y.source &&
    x.target === y.target &&
    x.sourceHandle === y.sourceHandle &&
    sameProblems(a.data?.problems, b.data?.problems)
  );
}

function sameProblems(a: TargetProblems | undefined, b: TargetProblems | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return sameProblemList(a.errors, b.errors) && sameProblemList(a.warnings, b.warnings);
}

function sameProblemList(a: Problem[], b: Problem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i] as Problem;
      return p.code === q.code && p.pointer === q.pointer && p.message === q.message;
    })
  );
}

function sameList<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
