import type { Position, Problem } from '@nudge/schema';
import { MarkerType } from '@xyflow/react';
import { NO_PROBLEMS, problemsByTarget } from '../problems/by-target.ts';
import { ProblemTargets } from '../problems/targets.ts';
import {
  type FileLink,
  type FileStep,
  handlesOf,
  hasStrayTarget,
  readLinks,
  readSteps,
  type SequenceFile,
  strayHandles,
} from '../sequence/file.ts';
import { drawnHandles } from './drawn-handles.ts';
import type { LinkFlowEdge, StepFlowNode, StrayHandles } from './flow-types.ts';
import { type LayoutLink, layoutSteps, STEP_SIZE, separateSteps } from './layout.ts';

/** The canvas's view of a sequence file: React Flow nodes and edges, laid out. */
export interface Flow {
  nodes: StepFlowNode[];
  edges: LinkFlowEdge[];
  /** What each problem is about on this canvas. */
  targets: ProblemTargets;
}

/**
 * Turns a (possibly invalid) sequence file and its problems into what the canvas draws.
 * Steps without a position are laid out; edges whose ends don't exist are left out (the
 * problems panel still lists them).
 */
export function toFlow(
  file: SequenceFile,
  problems: Problem[],
  /** Where steps without a position were drawn before an edit, so they stay put. */
  drawnAt?: ReadonlyMap<string, Position>,
): Flow {
  const steps = readSteps(file).map((step) => {
    const at = step.position ? undefined : drawnAt?.get(step.key);
    return at ? { ...step, position: at } : step;
  });
  const links = readLinks(file, steps);
  // Steps placed so that their cards cover each other are drawn apart (the file is kept).
  const positions = separateSteps(
    steps.map((s) => s.key),
    layoutFlow(steps, links),
  );
  const targets = new ProblemTargets(steps, links);
  const byTarget = problemsByTarget(problems, targets);
  const leaving = bySource(links);
  return {
    nodes: steps.map((step) =>
      stepNode(
        step,
        positions.get(step.key) ?? { x: 0, y: 0 },
        byTarget.nodes.get(step.key) ?? NO_PROBLEMS,
        {
          sources: strayHandles(step, leaving.get(step.key) ?? []),
          target: hasStrayTarget(step, links),
        },
      ),
    ),
    edges: links.map((link) => linkEdge(link, byTarget.edges.get(link.key) ?? NO_PROBLEMS)),
    targets,
  };
}

/** Positions by canvas key: steps without one are placed (all of them, with `everything`). */
export function layoutFlow(
  steps: Array<Pick<FileStep, 'key' | 'type' | 'data' | 'position'>>,
  links: Array<Pick<FileLink, 'source' | 'target'> & { sourceHandle?: string | null | undefined }>,
  options: { everything?: boolean } = {},
): Map<string, Position> {
  // A saved file places every step: nothing to lay out, and no need to read the links for it
  // (this runs on every edit).
  if (!options.everything && steps.every((s) => s.position))
    return new Map(steps.map((s) => [s.key, s.position as Position]));
  return layoutSteps(
    steps.map((s) => ({ id: s.key, ...(s.position ? { position: s.position } : {}) })),
    layoutLinks(steps, links),
    options,
  );
}

const NO_STRAY: StrayHandles = Object.freeze({ sources: [], target: false });

export function stepNode(
  step: FileStep,
  position: Position,
  problems = NO_PROBLEMS,
  stray = NO_STRAY,
): StepFlowNode {
  return {
    id: step.key,
    type: step.type,
    position,
    data: { step, problems, stray },
    // Until the card is drawn and measured: see drawn-handles.ts.
    initialWidth: STEP_SIZE.width,
    initialHeight: STEP_SIZE.height,
    handles: drawnHandles(step, stray),
  };
}

export function linkEdge(link: FileLink, problems = NO_PROBLEMS): LinkFlowEdge {
  return {
    id: link.key,
    source: link.source,
    target: link.target,
    sourceHandle: link.sourceHandle,
    // LinkEdge (steps/LinkEdge.tsx): a smooth-step line with a "+" to insert a step.
    type: 'link',
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    data: { link, problems },
    ...(problems.errors.length > 0 ? { className: 'has-errors' } : {}),
  };
}

/** Links as the layout needs them: ends, and the order of the handles they leave by. */
function layoutLinks(
  steps: Array<Pick<FileStep, 'key' | 'type' | 'data'>>,
  links: Array<Pick<FileLink, 'source' | 'target'> & { sourceHandle?: string | null | undefined }>,
): LayoutLink[] {
  const normalized = links.map((l) => ({ ...l, sourceHandle: l.sourceHandle ?? null }));
  const leaving = bySource(normalized);
  const handles = new Map(
    steps.map((s) => [s.key, [...handlesOf(s), ...strayHandles(s, leaving.get(s.key) ?? [])]]),
  );
  return normalized.map((link) => {
    const index = handles.get(link.source)?.indexOf(link.sourceHandle) ?? -1;
    return {
      source: link.source,
      target: link.target,
      ...(index > 0 || (index === 0 && link.sourceHandle !== null) ? { handleIndex: index } : {}),
    };
  });
}

/** Links grouped by the step they leave, so per-step questions don't scan every link. */
function bySource<L extends { source: string }>(links: L[]): Map<string, L[]> {
  const map = new Map<string, L[]>();
  for (const l of links) {
    const list = map.get(l.source);
    if (list) list.push(l);
    else map.set(l.source, [l]);
  }
  return map;
}
