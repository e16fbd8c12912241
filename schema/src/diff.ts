import { escapePointerToken } from './problem.ts';
import type { Sequence } from './sequence.ts';

/**
 * What differs between two sequences, step by step: what a publish would change (the publish
 * dialog, GET /api/sequences/:id/publish-preview) and what `nudge diff` prints. Steps are
 * matched by id (ids are stable: FORMAT.md section 1); edges by id, then by the handle they
 * leave, so an edge deleted and drawn again to another step reads as rewired. Key order never
 * counts; every other difference does, and is listed somewhere (`other` at the least).
 */
export interface SequenceDiff {
  /** The same value (key order aside): every list below is empty. */
  equal: boolean;
  name: Change<string> | null;
  description: Change<string | undefined> | null;
  /** JSON pointers, relative to `settings`, of what differs: `/timezone`, `/exit/onReply`. */
  settings: string[];
  steps: {
    /** In the order of `after`. */
    added: StepRef[];
    /** In the order of `before`. */
    removed: StepRef[];
    /** Steps in both that differ, in the order of `after`; position-only ones included. */
    changed: StepChange[];
  };
  edges: {
    added: EdgeRef[];
    removed: EdgeRef[];
    /** One edge whose source, handle or target changed (matched by id, else by its handle). */
    rewired: Array<{ before: EdgeRef; after: EdgeRef }>;
  };
  /**
   * JSON pointers into `after` (into `before` for what it alone has) of the differences not
   * listed above: `format`, `id`, an edge's id or a key the format does not know. `''` when
   * the two differ and nothing else says where (a node id given twice).
   */
  other: string[];
}

export interface Change<T> {
  before: T;
  after: T;
}

export interface StepRef {
  id: string;
  type: string;
}

export interface StepChange extends StepRef {
  /** The type in `before`, when it changed. */
  typeBefore?: string;
  /** JSON pointers, relative to the step, of what differs: `/data/subject`, `/position/x`. */
  fields: string[];
  /** Only its place on the canvas moved: no change for the people it sends to. */
  positionOnly: boolean;
}

export interface EdgeRef {
  id: string;
  source: string;
  sourceHandle?: string;
  target: string;
}

type Json = Record<string, unknown>;

export function diffSequences(before: Sequence, after: Sequence): SequenceDiff {
  const a = before as unknown as Json;
  const b = after as unknown as Json;
  const diff: SequenceDiff = {
    equal: sameJson(a, b),
    name: changeOf(a.name, b.name) as Change<string> | null,
    description: changeOf(a.description, b.description) as Change<string | undefined> | null,
    settings: settingsPointers(a.settings, b.settings),
    steps: diffSteps(list(a.nodes), list(b.nodes)),
    edges: { added: [], removed: [], rewired: [] },
    other: [],
  };
  const edges = diffEdges(list(a.edges), list(b.edges));
  diff.edges = edges.edges;
  diff.other.push(...topLevelPointers(a, b), ...edges.other);
  const listed =
    diff.name ||
    diff.description ||
    diff.settings.length + diff.other.length > 0 ||
    Object.values(diff.steps).some((l) => l.length > 0) ||
    Object.values(diff.edges).some((l) => l.length > 0);
  if (!diff.equal && !listed) diff.other.push('');
  return diff;
}

/** Whether two JSON values are equal, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((item, i) => sameJson(item, bs[i]));
  }
  const ka = definedKeys(a as Json);
  const kb = definedKeys(b as Json);
  const inB = new Set(kb);
  return (
    ka.length === kb.length &&
    ka.every((key) => inB.has(key) && sameJson((a as Json)[key], (b as Json)[key]))
  );
}

/**
 * Pointers, from `base`, of where two values differ: into objects by key and into arrays of
 * the same length by index; an array that grew or shrank, or a value of another kind, is one
 * difference at its own pointer.
 */
export function differences(a: unknown, b: unknown, base = ''): string[] {
  if (sameJson(a, b)) return [];
  if (isObject(a) && isObject(b)) {
    return unionKeys(a, b).flatMap((key) =>
      differences(a[key], b[key], `${base}/${escapePointerToken(key)}`),
    );
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length)
    return a.flatMap((item, i) => differences(item, b[i], `${base}/${i}`));
  return [base];
}

function changeOf(a: unknown, b: unknown): Change<unknown> | null {
  return sameJson(a, b) ? null : { before: a, after: b };
}

/** No settings and empty settings mean the same: the defaults. */
function settingsPointers(a: unknown, b: unknown): string[] {
  const found = differences(
    a === undefined && isObject(b) ? {} : a,
    b === undefined && isObject(a) ? {} : b,
  );
  return found.length === 0 && !sameJson(a, b) ? [''] : found;
}

/** The top-level differences the fields above don't show: format, id, unknown keys. */
function topLevelPointers(a: Json, b: Json): string[] {
  return unionKeys(a, b)
    .filter((key) => !sameJson(a[key], b[key]) && !shownElsewhere(key, a, b))
    .map((key) => `/${escapePointerToken(key)}`);
}

function shownElsewhere(key: string, a: Json, b: Json): boolean {
  if (key === 'name' || key === 'description' || key === 'settings') return true;
  // Steps and edges are listed when they are lists (or absent) on both sides.
  if (key === 'nodes' || key === 'edges')
    return [a[key], b[key]].every((v) => v === undefined || Array.isArray(v));
  return false;
}

function diffSteps(before: Json[], after: Json[]): SequenceDiff['steps'] {
  const old = byId(before);
  const now = byId(after);
  const steps: SequenceDiff['steps'] = { added: [], removed: [], changed: [] };
  for (const [id, node] of now) {
    const was = old.get(id);
    if (!was) {
      steps.added.push(stepRef(node));
      continue;
    }
    const { id: _a, ...wasRest } = was;
    const { id: _b, ...nodeRest } = node;
    const fields = differences(wasRest, nodeRest);
    if (fields.length === 0) continue;
    const change: StepChange = {
      ...stepRef(node),
      fields,
      positionOnly: fields.every((f) => f === '/position' || f.startsWith('/position/')),
    };
    if (!sameJson(was.type, node.type)) change.typeBefore = String(was.type);
    steps.changed.push(change);
  }
  for (const [id, node] of old) if (!now.has(id)) steps.removed.push(stepRef(node));
  return steps;
}

function diffEdges(
  before: Json[],
  after: Json[],
): { edges: SequenceDiff['edges']; other: string[] } {
  const edges: SequenceDiff['edges'] = { added: [], removed: [], rewired: [] };
  const other: string[] = [];
  const old = byId(before);
  const now = byId(after);
  const index = new Map(after.map((edge, i) => [edge, i]));
  const pairs: Array<[Json, Json]> = [];
  const leftBefore = [...old.values()].filter((e) => !now.has(String(e.id)));
  const leftAfter: Json[] = [];
  for (const [id, edge] of now) {
    const was = old.get(id);
    if (was) pairs.push([was, edge]);
    else leftAfter.push(edge);
  }
  // Unmatched by id: the same handle is the same edge, drawn again (only one edge leaves it).
  const byHandle = new Map(leftBefore.map((e) => [handleOf(e), e]));
  for (const edge of leftAfter) {
    const was = byHandle.get(handleOf(edge));
    if (was && leftBefore.includes(was)) {
      pairs.push([was, edge]);
      leftBefore.splice(leftBefore.indexOf(was), 1);
    } else edges.added.push(edgeRef(edge));
  }
  edges.removed.push(...leftBefore.map(edgeRef));
  for (const [was, edge] of pairs) {
    const fields = differences(was, edge);
    const wired = ['/source', '/sourceHandle', '/target'];
    if (fields.some((f) => wired.includes(f)))
      edges.rewired.push({ before: edgeRef(was), after: edgeRef(edge) });
    const at = `/edges/${index.get(edge)}`;
    other.push(...fields.filter((f) => !wired.includes(f)).map((f) => `${at}${f}`));
  }
  return { edges, other };
}

const handleOf = (edge: Json) => JSON.stringify([edge.source, edge.sourceHandle ?? null]);

function stepRef(node: Json): StepRef {
  return { id: String(node.id), type: String(node.type) };
}

function edgeRef(edge: Json): EdgeRef {
  const ref: EdgeRef = {
    id: String(edge.id),
    source: String(edge.source),
    target: String(edge.target),
  };
  if (edge.sourceHandle !== undefined) ref.sourceHandle = String(edge.sourceHandle);
  return ref;
}

/** The items by id; the first of an id given twice (an invalid file). */
function byId(items: Json[]): Map<string, Json> {
  const map = new Map<string, Json>();
  for (const item of items) if (!map.has(String(item.id))) map.set(String(item.id), item);
  return map;
}

/** The objects of a list; anything else (an invalid file) as nothing. */
function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of `a`, then those only `b` has. */
function unionKeys(a: Json, b: Json): string[] {
  const first = definedKeys(a);
  const seen = new Set(first);
  return [...first, ...definedKeys(b).filter((key) => !seen.has(key))];
}

function definedKeys(value: Json): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}
