import type { Position, Problem } from '@nudge/schema';
import { MarkerType } from '@xyflow/react';
import { NO_PROBLEMS, problemsByTarget } from '../problems/by-target.ts';
import {
  type FileLink,
  type FileStep,
  handlesOf,
  readLinks,
  readSteps,
  type SequenceFile,
} from '../sequence/file.ts';
import type { LinkFlowEdge, StepFlowNode } from './flow-types.ts';
import { type LayoutLink, layoutSteps } from './layout.ts';

/** The canvas's view of a sequence file: React Flow nodes and edges, laid out. */
export interface Flow {
  nodes: StepFlowNode[];
  edges: LinkFlowEdge[];
}

/**
 * Turns a (possibly invalid) sequence file and its problems into what the canvas draws.
 * Steps without a position are laid out; edges that can't be drawn are left out (the
 * problems panel still lists them).
 */
export function toFlow(file: SequenceFile, problems: Problem[]): Flow {
  const steps = readSteps(file);
  const links = readLinks(file, steps);
  const positions = layoutSteps(steps, layoutLinks(steps, links));
  const byTarget = problemsByTarget(problems);
  return {
    nodes: steps.map((step) =>
      stepNode(
        step,
        positions.get(step.id) ?? { x: 0, y: 0 },
        byTarget.nodes.get(step.id) ?? NO_PROBLEMS,
      ),
    ),
    edges: links.map((link) => linkEdge(link, byTarget.edges.get(link.id) ?? NO_PROBLEMS)),
  };
}

export function stepNode(step: FileStep, position: Position, problems = NO_PROBLEMS): StepFlowNode {
  return {
    id: step.id,
    type: step.type,
    position,
    data: { step, problems },
  };
}

export function linkEdge(link: FileLink, problems = NO_PROBLEMS): LinkFlowEdge {
  return {
    id: link.id,
    source: link.source,
    target: link.target,
    sourceHandle: link.sourceHandle,
    type: 'smoothstep',
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    data: { problems },
    ...(problems.errors.length > 0 ? { className: 'has-errors' } : {}),
  };
}

/** Links as the layout needs them: ends, and the order of branch handles. */
export function layoutLinks(
  steps: Array<Pick<FileStep, 'id' | 'type' | 'data'>>,
  links: Array<Pick<FileLink, 'source' | 'target'> & { sourceHandle?: string | null | undefined }>,
): LayoutLink[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  return links.map((link) => {
    const source = byId.get(link.source);
    const index = source ? handlesOf(source).indexOf(link.sourceHandle ?? null) : -1;
    return {
      source: link.source,
      target: link.target,
      ...(link.sourceHandle != null && index >= 0 ? { handleIndex: index } : {}),
    };
  });
}
