import dagre from '@dagrejs/dagre';
import type { Position } from '@nudge/schema';

/**
 * Automatic layout, top to bottom, with dagre. Files may leave out positions (FORMAT.md
 * section 1): those steps are placed, the others stay where the author put them.
 */

/**
 * The box of every card: exactly this wide, and never taller (step.css caps the summary so a
 * card fits), so cards placed at least this far apart never cover each other.
 */
export const STEP_SIZE = { width: 260, height: 112 } as const;
const GAP = { between: 48, rank: 72 } as const;

/**
 * Above this many steps dagre is too slow for a page (seconds) and its recursion can
 * overflow the stack on long chains; a plain layered layout takes over.
 */
export const DAGRE_MAX_STEPS = 400;

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

  const computed =
    (steps.length <= DAGRE_MAX_STEPS && tryDagre(steps, links)) || layered(steps, links);
  const shift = alignmentShift(steps, computed, everything);
  const placed = new Occupied();
  for (const p of result.values()) placed.add(p);
  const ordered = [...missing].sort((a, b) => {
    const pa = computed.get(a.id) as Position;
    const pb = computed.get(b.id) as Position;
    return pa.y - pb.y || pa.x - pb.x;
  });
  for (const step of ordered) {
    const p = computed.get(step.id) as Position;
    const position = clear({ x: p.x + shift.x, y: p.y + shift.y }, placed);
    placed.add(position);
    result.set(step.id, position);
  }
  return result;
}

function tryDagre(steps: LayoutStep[], links: LayoutLink[]): Map<string, Position> | undefined {
  try {
    return dagreLayout(steps, links);
  } catch {
    return undefined;
  }
}

/**
 * dagre keeps its graph in plain objects keyed by node names, so a step id such as
 * "__proto__" (a valid id) would reach Object.prototype. dagre only ever sees index keys
 * ("s0", "s1", ...), mapped back to the ids here.
 */
function dagreLayout(steps: LayoutStep[], links: LayoutLink[]): Map<string, Position> {
  const keys = new Map(steps.map((s, i) => [s.id, `s${i}`]));
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: GAP.between, ranksep: GAP.rank });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const key of keys.values())
    graph.setNode(key, { width: STEP_SIZE.width, height: STEP_SIZE.height });
  const keyed: LayoutLink[] = [];
  for (const l of links) {
    const source = keys.get(l.source);
    const target = keys.get(l.target);
    if (source === undefined || target === undefined || source === target) continue;
    keyed.push({ ...l, source, target });
    graph.setEdge(source, target);
  }
  try {
    dagre.layout(graph, { constraints: branchOrder(keyed) });
  } catch {
    // Contradictory order constraints (possible in broken files): lay out without them.
    dagre.layout(graph);
  }
  const positions = new Map<string, Position>();
  for (const [id, key] of keys) {
    const { x, y } = graph.node(key) as { x: number; y: number };
    // dagre gives centres; the canvas positions top-left corners.
    positions.set(id, { x: x - STEP_SIZE.width / 2, y: y - STEP_SIZE.height / 2 });
  }
  return positions;
}

/**
 * A simple layered layout for large sequences: each step one rank below its deepest
 * predecessor, ranks centred, steps in a rank ordered by their parents' places and handle
 * order. Iterative and linear in size; steps on cycles (broken files) go below the rest.
 */
export function layered(steps: LayoutStep[], links: LayoutLink[]): Map<string, Position> {
  const ids = new Set(steps.map((s) => s.id));
  const out = new Map<string, LayoutLink[]>();
  const indegree = new Map(steps.map((s) => [s.id, 0]));
  for (const l of links) {
    if (!ids.has(l.source) || !ids.has(l.target) || l.source === l.target) continue;
    append(out, l.source, l);
    indegree.set(l.target, (indegree.get(l.target) ?? 0) + 1);
  }
  for (const children of out.values())
    children.sort((a, b) => (a.handleIndex ?? 0) - (b.handleIndex ?? 0));

  // Kahn's walk: a step's rank is one below its deepest predecessor.
  const rank = new Map<string, number>();
  const walk = steps.filter((s) => indegree.get(s.id) === 0).map((s) => s.id);
  for (const id of walk) rank.set(id, 0);
  for (let i = 0; i < walk.length; i++) {
    const id = walk[i] as string;
    for (const l of out.get(id) ?? []) {
      rank.set(l.target, Math.max(rank.get(l.target) ?? 0, (rank.get(id) ?? 0) + 1));
      const left = (indegree.get(l.target) ?? 0) - 1;
      indegree.set(l.target, left);
      if (left === 0) walk.push(l.target);
    }
  }
  // Steps on a cycle are never freed; they go below everything else.
  const walked = new Set(walk);
  let deepest = -1;
  for (const id of walk) deepest = Math.max(deepest, rank.get(id) ?? 0);
  for (const s of steps)
    if (!walked.has(s.id)) {
      rank.set(s.id, ++deepest);
      walk.push(s.id);
    }

  // Within a rank, steps keep the order of the walk, which follows parents and handle order.
  const rows = new Map<number, string[]>();
  for (const id of walk) append(rows, rank.get(id) ?? 0, id);
  const positions = new Map<string, Position>();
  const stepX = STEP_SIZE.width + GAP.between;
  const stepY = STEP_SIZE.height + GAP.rank;
  for (const [r, row] of rows)
    row.forEach((id, i) => {
      positions.set(id, { x: (i - (row.length - 1) / 2) * stepX, y: r * stepY });
    });
  return positions;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Keeps branches in handle order, left to right (yes left of no, met left of timeout), so
 * that links leaving a branching step don't cross each other.
 */
function branchOrder(links: LayoutLink[]): Array<{ left: string; right: string }> {
  const bySource = new Map<string, LayoutLink[]>();
  for (const l of links) if (l.handleIndex !== undefined) append(bySource, l.source, l);
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

/**
 * Positions where no two cards overlap: each step in turn keeps its position when it is
 * clear of the steps before it, else takes the first clear spot to its right. A file may put
 * steps anywhere (by hand, or from a tool that knows nothing of card sizes); the canvas never
 * draws one card over another. The file keeps its positions until a step is moved.
 */
export function separateSteps(
  order: readonly string[],
  positions: ReadonlyMap<string, Position>,
): Map<string, Position> {
  const placed = new Occupied();
  const result = new Map<string, Position>();
  for (const id of order) {
    const p = positions.get(id);
    if (!p) continue;
    const position = placed.overlapping(p) ? clear(p, placed) : p;
    placed.add(position);
    result.set(id, position);
  }
  return result;
}

/** The first spot at or to the right of `p` where a step overlaps none already placed. */
function clear(p: Position, placed: Occupied): Position {
  const candidate = { ...p };
  for (let q = placed.overlapping(candidate); q; q = placed.overlapping(candidate))
    candidate.x = q.x + STEP_SIZE.width + GAP.between;
  return candidate;
}

/** Placed steps in a grid of step-sized cells, so finding an overlap looks at a few cells, not all steps. */
class Occupied {
  /** Rows of cells by their y, then cells by their x: numbers, not string keys, as this runs on every edit. */
  private rows = new Map<number, Map<number, Position[]>>();

  add(p: Position): void {
    const cx = Math.floor(p.x / STEP_SIZE.width);
    const cy = Math.floor(p.y / STEP_SIZE.height);
    let row = this.rows.get(cy);
    if (!row) {
      row = new Map();
      this.rows.set(cy, row);
    }
    const cell = row.get(cx);
    if (cell) cell.push(p);
    else row.set(cx, [p]);
  }

  overlapping(p: Position): Position | undefined {
    const cx = Math.floor(p.x / STEP_SIZE.width);
    const cy = Math.floor(p.y / STEP_SIZE.height);
    for (let dy = -1; dy <= 1; dy++) {
      const row = this.rows.get(cy + dy);
      if (!row) continue;
      for (let dx = -1; dx <= 1; dx++)
        for (const q of row.get(cx + dx) ?? []) if (overlaps(p, q)) return q;
    }
    return undefined;
  }
}

export function overlaps(a: Position, b: Position): boolean {
  return (
    a.x < b.x + STEP_SIZE.width &&
    b.x < a.x + STEP_SIZE.width &&
    a.y < b.y + STEP_SIZE.height &&
    b.y < a.y + STEP_SIZE.height
  );
}
