import dagre from '@dagrejs/dagre';
import type { Position } from '@nudge/schema';

/**
 * Automatic layout, top to bottom, with dagre. Files may leave out positions (FORMAT.md
 * section 1): those steps are placed, the others stay where the author put them.
 */

/** Every step is drawn this wide (see step.css); the height is the usual one, for spacing. */
export const STEP_SIZE = { width: 260, height: 112 } as const;
const GAP = { between: 48, rank: 72 } as const;

export interface LayoutStep {
  id: string;
  position?: Position;
}

export interface LayoutLink {
  source: string;
  target: string;
  /** The position of the link's handle among its source's handles (yes before no, a before b). */
  handleIndex?: number;
}

/**
 * Positions (top-left corners) for every step. With `everything`, all steps are laid out
 * afresh (Tidy up); otherwise steps with a position keep it and the rest are placed around
 * them without overlapping any step.
 */
export function layoutSteps(
  steps: LayoutStep[],
  links: LayoutLink[],
  { everything = false }: { everything?: boolean } = {},
): Map<string, Position> {
  const result = new Map<string, Position>();
  const missing = steps.filter((s) => everything || !s.position);
  if (!everything) for (const s of steps) if (s.position) result.set(s.id, s.position);
  if (missing.length === 0) return result;

  const computed = dagreLayout(steps, links);
  const shift = alignmentShift(steps, computed, everything);
  const placed = [...result.values()];
  const ordered = [...missing].sort((a, b) => {
    const pa = computed.get(a.id) as Position;
    const pb = computed.get(b.id) as Position;
    return pa.y - pb.y || pa.x - pb.x;
  });
  for (const step of ordered) {
    const p = computed.get(step.id) as Position;
    const position = clear({ x: p.x + shift.x, y: p.y + shift.y }, placed);
    placed.push(position);
    result.set(step.id, position);
  }
  return result;
}

function dagreLayout(steps: LayoutStep[], links: LayoutLink[]): Map<string, Position> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: GAP.between, ranksep: GAP.rank });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const s of steps) graph.setNode(s.id, { width: STEP_SIZE.width, height: STEP_SIZE.height });
  for (const l of links) if (l.source !== l.target) graph.setEdge(l.source, l.target);
  try {
    dagre.layout(graph, { constraints: branchOrder(links) });
  } catch {
    // Contradictory order constraints (possible in broken files): lay out without them.
    dagre.layout(graph);
  }
  const positions = new Map<string, Position>();
  for (const s of steps) {
    const { x, y } = graph.node(s.id) as { x: number; y: number };
    // dagre gives centres; the canvas positions top-left corners.
    positions.set(s.id, { x: x - STEP_SIZE.width / 2, y: y - STEP_SIZE.height / 2 });
  }
  return positions;
}

/**
 * Keeps branches in handle order, left to right (yes left of no, met left of timeout), so
 * that links leaving a branching step don't cross each other.
 */
function branchOrder(links: LayoutLink[]): Array<{ left: string; right: string }> {
  const bySource = new Map<string, LayoutLink[]>();
  for (const l of links)
    if (l.handleIndex !== undefined) bySource.set(l.source, [...(bySource.get(l.source) ?? []), l]);
  const constraints: Array<{ left: string; right: string }> = [];
  for (const branches of bySource.values()) {
    const targets = [
      ...new Set(
        branches.sort((a, b) => (a.handleIndex ?? 0) - (b.handleIndex ?? 0)).map((l) => l.target),
      ),
    ];
    for (let i = 1; i < targets.length; i++)
      constraints.push({ left: targets[i - 1] as string, right: targets[i] as string });
  }
  return constraints;
}

/** Moves dagre's frame onto the author's, so placed steps land near the steps they link to. */
function alignmentShift(
  steps: LayoutStep[],
  computed: Map<string, Position>,
  everything: boolean,
): Position {
  const anchored = everything ? [] : steps.filter((s) => s.position);
  if (anchored.length === 0) return { x: 0, y: 0 };
  let x = 0;
  let y = 0;
  for (const s of anchored) {
    const given = s.position as Position;
    const p = computed.get(s.id) as Position;
    x += given.x - p.x;
    y += given.y - p.y;
  }
  return { x: x / anchored.length, y: y / anchored.length };
}

/** The first spot at or to the right of `p` where a step overlaps none of `placed`. */
function clear(p: Position, placed: Position[]): Position {
  const candidate = { ...p };
  for (let moved = true; moved; ) {
    moved = false;
    for (const q of placed)
      if (overlaps(candidate, q)) {
        candidate.x = q.x + STEP_SIZE.width + GAP.between;
        moved = true;
      }
  }
  return candidate;
}

export function overlaps(a: Position, b: Position): boolean {
  return (
    a.x < b.x + STEP_SIZE.width &&
    b.x < a.x + STEP_SIZE.width &&
    a.y < b.y + STEP_SIZE.height &&
    b.y < a.y + STEP_SIZE.height
  );
}
