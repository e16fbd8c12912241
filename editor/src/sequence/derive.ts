import type { Position, Problem } from '@nudge/schema';
import type { LinkFlowEdge, StepFlowNode } from '../canvas/flow-types.ts';
import { linkEdge, toFlow } from '../canvas/to-flow.ts';
import { NO_PROBLEMS, problemsByTarget, type TargetProblems } from '../problems/by-target.ts';
import type { ProblemTargets } from '../problems/targets.ts';
import { handlesOf, isObject, isPosition, type SequenceFile } from './file.ts';

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
export function redraw(
  file: SequenceFile,
  problems: Problem[],
  before: Drawn,
  /** The document `before` was drawn from, when known: an edit of a few steps' data is quick. */
  drawnFrom?: SequenceFile,
): Drawn {
  const quick = drawnFrom && redrawChangedData(file, problems, before, drawnFrom);
  if (quick) return quick;
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

/** At most this many changed steps are redrawn alone; more, the canvas is derived again. */
const MOST_CHANGED = 16;

/**
 * The canvas after an edit that changed only the data of a few steps (typing in a field, an
 * undo of it), keeping their ids, types, places and handles, and no link: those steps' cards
 * take the new data, and a card or link whose problems changed takes them. The same as
 * deriving the whole canvas again (which takes 5 ms for 1,000 steps); undefined for any other
 * edit.
 */
function redrawChangedData(
  file: SequenceFile,
  problems: Problem[],
  before: Drawn,
  drawnFrom: SequenceFile,
): Drawn | undefined {
  const was = drawnFrom.nodes;
  const is = file.nodes;
  if (file.edges !== drawnFrom.edges || !Array.isArray(was) || !Array.isArray(is)) return undefined;
  // Every node is a card, in file order (else a node the canvas can't draw: derive it all).
  if (was.length !== is.length || before.nodes.length !== is.length) return undefined;
  const changed = new Set<number>();
  for (let i = 0; i < is.length; i++) {
    if (was[i] === is[i]) continue;
    if (!sameButData(was[i], is[i]) || changed.size === MOST_CHANGED) return undefined;
    changed.add(i);
  }
  for (const i of changed) if (before.nodes[i]?.data.step.index !== i) return undefined;

  const byTarget = problemsByTarget(problems, before.targets);
  const nodes = before.nodes.map((node, i) => {
    const problemsNow = byTarget.nodes.get(node.id) ?? NO_PROBLEMS;
    const sameProblemsNow = sameProblems(node.data.problems, problemsNow);
    if (!changed.has(i) && sameProblemsNow) return node;
    const { data, position } = is[i] as { data: unknown; position?: unknown };
    // As readSteps reads the step, placed where the file says or else where it was drawn.
    const step = {
      ...node.data.step,
      data,
      position: isPosition(position) ? { x: position.x, y: position.y } : node.position,
    };
    return {
      ...node,
      data: { ...node.data, step, problems: sameProblemsNow ? node.data.problems : problemsNow },
    };
  });
  let edgesChanged = false;
  const edges = before.edges.map((edge) => {
    const problemsNow = byTarget.edges.get(edge.id) ?? NO_PROBLEMS;
    const link = edge.data?.link;
    if (!link || sameProblems(edge.data?.problems ?? NO_PROBLEMS, problemsNow)) return edge;
    edgesChanged = true;
    const redrawn = linkEdge(link, problemsNow);
    return edge.selected ? { ...redrawn, selected: true } : redrawn;
  });
  return { nodes, edges: edgesChanged ? edges : before.edges, targets: before.targets };
}

/** Two versions of a node that differ at most in their data, and not in their handles. */
function sameButData(a: unknown, b: unknown): boolean {
  if (!isObject(a) || !isObject(b)) return false;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'data') continue;
    if (key === 'position' ? !samePosition(a.position, b.position) : a[key] !== b[key])
      return false;
  }
  const type = a.type as FileStepType;
  return sameList(handlesOf({ type, data: a.data }), handlesOf({ type, data: b.data }));
}

type FileStepType = Parameters<typeof handlesOf>[0]['type'];

function samePosition(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return isObject(a) && isObject(b) && a.x === b.x && a.y === b.y && sameKeys(a, b);
}

const sameKeys = (a: object, b: object) => Object.keys(a).length === Object.keys(b).length;

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
