import { NODE_TYPES, type NodeType, type Position, sourceHandles } from '@nudge/schema';

/**
 * Reading an opened sequence file that may be invalid. The canvas shows as much of a broken
 * file as it can, so nothing here trusts the shape: every reader skips what it cannot use.
 */

/** A parsed sequence file, valid or not. */
export type SequenceFile = Record<string, unknown>;

/** A node of the file that the canvas can show: it has an id. */
export interface FileStep {
  /** The id as written in the file (two nodes may share it in a broken file). */
  id: string;
  /** The canvas's id for it, unique: the id, or for a repeated id see canvasKeys. */
  key: string;
  /** The node's `type` when it is one Nudge knows, else 'unknown'. */
  type: NodeType | 'unknown';
  /** The `type` exactly as written, to name it when it is unknown. */
  rawType: unknown;
  data: unknown;
  position?: Position;
  /** Index in the file's `nodes`, to write positions back and to find its problems. */
  index: number;
}

/** An edge of the file whose two ends exist, so the canvas can draw it. */
export interface FileLink {
  /** The id as written in the file (two edges may share it in a broken file). */
  id: string;
  /** The canvas's id for it, unique (see canvasKeys). */
  key: string;
  /** The canvas keys of the steps it joins: the first node with each id. */
  source: string;
  target: string;
  /** The source handle: null for the one unnamed handle of a plain step. */
  sourceHandle: string | null;
  /** Index in the file's `edges`, to find its problems. */
  index: number;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isPosition = (v: unknown): v is Position =>
  isObject(v) && Number.isFinite(v.x) && Number.isFinite(v.y);

export function isNodeType(type: unknown): type is NodeType {
  return NODE_TYPES.includes(type as NodeType);
}

/**
 * Canvas ids for items with file ids, some repeated: the first with an id keeps it, a later
 * one gets "<id>#<index>" (ids are [A-Za-z0-9_-], so no valid id has a "#"; in a file with
 * invalid ids, "#" is added until the key is free). So a repeated node or edge is drawn,
 * and selected, on its own.
 */
function canvasKeys(items: Array<{ id: string; index: number }>): string[] {
  const taken = new Set(items.map((i) => i.id));
  const firsts = new Set<string>();
  return items.map(({ id, index }) => {
    if (!firsts.has(id)) {
      firsts.add(id);
      return id;
    }
    let key = `${id}#${index}`;
    while (taken.has(key)) key += '#';
    taken.add(key);
    return key;
  });
}

/** The nodes that have an id, every one of them (repeated ids too). */
export function readSteps(file: SequenceFile): FileStep[] {
  const nodes = Array.isArray(file.nodes) ? file.nodes : [];
  const read: Array<Omit<FileStep, 'key'>> = [];
  nodes.forEach((node: unknown, index) => {
    if (!isObject(node) || typeof node.id !== 'string' || node.id === '') return;
    read.push({
      id: node.id,
      type: isNodeType(node.type) ? node.type : 'unknown',
      rawType: node.type,
      data: node.data,
      ...(isPosition(node.position)
        ? { position: { x: node.position.x, y: node.position.y } }
        : {}),
      index,
    });
  });
  const keys = canvasKeys(read);
  return read.map((step, i) => ({ ...step, key: keys[i] as string }));
}

/**
 * Edges that can be drawn: they have an id and both ends exist (the first node with each
 * id, as the validator reads them). An edge from a handle its source doesn't have, or into
 * the entry, is still drawn, from a stray handle (see strayHandles): the mistake is shown
 * where it is.
 */
export function readLinks(file: SequenceFile, steps: FileStep[]): FileLink[] {
  const edges = Array.isArray(file.edges) ? file.edges : [];
  const byId = new Map<string, FileStep>();
  for (const s of steps) if (!byId.has(s.id)) byId.set(s.id, s);
  const read: Array<Omit<FileLink, 'key'>> = [];
  edges.forEach((edge: unknown, index) => {
    if (!isObject(edge) || typeof edge.id !== 'string') return;
    const source = typeof edge.source === 'string' ? byId.get(edge.source) : undefined;
    const target = typeof edge.target === 'string' ? byId.get(edge.target) : undefined;
    if (!source || !target) return;
    const handle = typeof edge.sourceHandle === 'string' ? edge.sourceHandle : null;
    read.push({ id: edge.id, source: source.key, target: target.key, sourceHandle: handle, index });
  });
  const keys = canvasKeys(read);
  return read.map((link, i) => ({ ...link, key: keys[i] as string }));
}

/** The outgoing handles a step shows: an unknown type gets one plain handle. */
export function handlesOf(step: Pick<FileStep, 'type' | 'data'>): Array<string | null> {
  return step.type === 'unknown' ? [null] : sourceHandles(step);
}

/** The entry has no incoming handle: nothing may lead into it. */
export function acceptsEdges(step: Pick<FileStep, 'type'>): boolean {
  return step.type !== 'entry';
}

/** Handles that links leave a step by but its type doesn't have (the validator's unknown_handle). */
export function strayHandles(
  step: Pick<FileStep, 'key' | 'type' | 'data'>,
  links: Array<Pick<FileLink, 'source' | 'sourceHandle'>>,
): Array<string | null> {
  const known = handlesOf(step);
  const stray: Array<string | null> = [];
  for (const l of links)
    if (l.source === step.key && !known.includes(l.sourceHandle) && !stray.includes(l.sourceHandle))
      stray.push(l.sourceHandle);
  return stray;
}

/** Whether links lead into a step that takes none (the entry). */
export function hasStrayTarget(
  step: Pick<FileStep, 'key' | 'type'>,
  links: Array<Pick<FileLink, 'target'>>,
): boolean {
  return !acceptsEdges(step) && links.some((l) => l.target === step.key);
}

/** The sequence's name when the file has one, for the heading. */
export function sequenceName(file: SequenceFile | null): string | undefined {
  return typeof file?.name === 'string' && file.name.trim() !== '' ? file.name : undefined;
}

/** A copy of the file with new positions for some of its nodes (by index), rounded to whole pixels. */
export function withPositions(
  file: SequenceFile,
  placements: Array<{ index: number; position: Position }>,
): SequenceFile {
  if (!Array.isArray(file.nodes) || placements.length === 0) return file;
  const nodes = [...file.nodes];
  for (const { index, position } of placements) {
    const node = nodes[index];
    if (isObject(node))
      nodes[index] = {
        ...node,
        position: { x: Math.round(position.x), y: Math.round(position.y) },
      };
  }
  return { ...file, nodes };
}
