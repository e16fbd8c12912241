import { ruleFields } from './fields.ts';
import { LIMITS } from './format.ts';
import { isBranching, sourceHandles } from './handles.ts';
import { EmailData } from './nodes.ts';
import { type Problem, type ProblemCode, pointerOf } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';
import { eachEventRule, ruleSize } from './rule.ts';

/**
 * The graph checks of FORMAT.md section 3a. They read the file loosely, skipping what is
 * malformed (the shape check reports that), so that a person sees every problem at once.
 */

interface NodeView {
  index: number;
  id: string;
  type: unknown;
  data: unknown;
}

interface EdgeView {
  index: number;
  id: string | undefined;
  source: string;
  target: string;
  sourceHandle: unknown;
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MESSAGE_TYPES = new Set(['email', 'sms', 'kakao']);
const EMAIL_PROPERTIES = new Set(Object.keys(EmailData.properties));

export function graphProblems(input: Loose): Problem[] {
  const problems: Problem[] = [];
  const report = (
    severity: Problem['severity'],
    code: ProblemCode,
    pointer: string,
    params: Record<string, string>,
    ids: { nodeId?: string; edgeId?: string } = {},
  ) => problems.push({ severity, ...problemWith(code, params), pointer, ...ids });
  const error = (
    code: ProblemCode,
    pointer: string,
    params: Record<string, string>,
    ids?: { nodeId?: string; edgeId?: string },
  ) => report('error', code, pointer, params, ids);
  const warning = (
    code: ProblemCode,
    pointer: string,
    params: Record<string, string>,
    ids?: { nodeId?: string; edgeId?: string },
  ) => report('warning', code, pointer, params, ids);

  // Nodes by id; the first of a duplicated id stands, the others are reported.
  const nodes = new Map<string, NodeView>();
  const rawNodes = Array.isArray(input.nodes) ? input.nodes : [];
  rawNodes.forEach((n: unknown, index) => {
    if (!isObject(n) || typeof n.id !== 'string') return;
    if (nodes.has(n.id)) {
      error(
        'duplicate_node_id',
        pointerOf('nodes', index, 'id'),
        { id: n.id },
        {
          nodeId: n.id,
        },
      );
      return;
    }
    nodes.set(n.id, { index, id: n.id, type: n.type, data: n.data });
  });
  // A step as messages name it: its type and id (`email "welcome"`).
  const label = (n: NodeView) => ({
    nodeType: typeof n.type === 'string' ? n.type : '',
    nodeId: n.id,
  });

  const entries = [...nodes.values()].filter((n) => n.type === 'entry');
  if (entries.length === 0) {
    error('entry_missing', '/nodes', {});
  }
  for (const extra of entries.slice(1)) {
    error(
      'entry_multiple',
      pointerOf('nodes', extra.index, 'type'),
      { entry: String(entries[0]?.id) },
      { nodeId: extra.id },
    );
  }

  // Edges whose two ends exist make the graph.
  const edges: EdgeView[] = [];
  const edgeIds = new Set<string>();
  const rawEdges = Array.isArray(input.edges) ? input.edges : [];
  rawEdges.forEach((e: unknown, index) => {
    if (!isObject(e)) return;
    const id = typeof e.id === 'string' ? e.id : undefined;
    const ids = id === undefined ? {} : { edgeId: id };
    if (id !== undefined) {
      if (edgeIds.has(id)) error('duplicate_edge_id', pointerOf('edges', index, 'id'), { id }, ids);
      edgeIds.add(id);
    }
    if (typeof e.source !== 'string' || typeof e.target !== 'string') return;
    let ends = true;
    if (!nodes.has(e.source)) {
      error('unknown_source', pointerOf('edges', index, 'source'), { source: e.source }, ids);
      ends = false;
    }
    const target = nodes.get(e.target);
    if (!target) {
      error('unknown_target', pointerOf('edges', index, 'target'), { target: e.target }, ids);
      ends = false;
    } else if (target.type === 'entry') {
      error('edge_into_entry', pointerOf('edges', index, 'target'), { target: e.target }, ids);
      ends = false;
    }
    if (ends)
      edges.push({ index, id, source: e.source, target: e.target, sourceHandle: e.sourceHandle });
  });

  // Handles: each edge leaves a handle its source has, and each handle has one edge at most.
  // An edge with a wrong handle still says what the author meant to connect, so it stays in
  // the graph for reachability and cycles: one mistake, one error.
  const used = new Map<string, EdgeView>();
  for (const edge of edges) {
    const source = nodes.get(edge.source) as NodeView;
    const ids = edge.id === undefined ? {} : { edgeId: edge.id };
    const handles = sourceHandles(source);
    const at = (...t: Array<string | number>) => pointerOf('edges', edge.index, ...t);
    if (handles.length === 0) {
      error('unknown_handle', at('source'), { kind: 'end', ...label(source) }, ids);
      continue;
    }
    if (handles[0] === null) {
      if (edge.sourceHandle !== undefined) {
        error('unknown_handle', at('sourceHandle'), { kind: 'unnamed', ...label(source) }, ids);
        continue;
      }
    } else if (edge.sourceHandle === undefined) {
      error(
        'unknown_handle',
        at(),
        { kind: 'missing', ...label(source), handles: handles.join(', ') },
        ids,
      );
      continue;
    } else if (!handles.includes(edge.sourceHandle as string)) {
      error(
        'unknown_handle',
        at('sourceHandle'),
        {
          kind: 'other',
          ...label(source),
          handle: JSON.stringify(edge.sourceHandle),
          handles: handles.join(', '),
        },
        ids,
      );
      continue;
    }
    const key = `${edge.source}\u0000${String(edge.sourceHandle ?? '')}`;
    const first = used.get(key);
    if (first) {
      error(
        'handle_multiple_edges',
        at(),
        {
          handle: edge.sourceHandle === undefined ? '' : String(edge.sourceHandle),
          ...label(source),
          target: first.target,
          edge: first.id ?? '',
        },
        ids,
      );
      continue;
    }
    used.set(key, edge);
  }

  // Pushed, not copied: 20,000 edges from one node made 200 million copies (9 s).
  const out = new Map<string, EdgeView[]>();
  const into = new Map<string, EdgeView[]>();
  for (const edge of edges) {
    const from = out.get(edge.source);
    if (from) from.push(edge);
    else out.set(edge.source, [edge]);
    const to = into.get(edge.target);
    if (to) to.push(edge);
    else into.set(edge.target, [edge]);
  }

  const cyclic = findCycles(nodes, out, (edge, path) =>
    error(
      'cycle',
      pointerOf('edges', edge.index),
      { path: path.join(' → ') },
      // The edge is the mistake (the message names the path): name it alone.
      edge.id === undefined ? { nodeId: edge.source } : { edgeId: edge.id },
    ),
  );

  // Reachability from the entry (or entries, when there are too many: one error is enough).
  const reachable = new Set<string>();
  const queue = entries.map((e) => e.id);
  for (const id of queue) reachable.add(id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const edge of out.get(id) ?? [])
      if (!reachable.has(edge.target)) {
        reachable.add(edge.target);
        queue.push(edge.target);
      }
  }
  if (entries.length > 0)
    for (const node of nodes.values())
      if (!reachable.has(node.id))
        error('unreachable', pointerOf('nodes', node.index), label(node), {
          nodeId: node.id,
        });

  if (!cyclic) threadChecks(nodes, into, reachable, entries, error);

  for (const node of nodes.values()) {
    const at = (...t: Array<string | number>) => pointerOf('nodes', node.index, ...t);
    if (node.type === 'split' && isObject(node.data) && Array.isArray(node.data.branches)) {
      const seen = new Set<string>();
      let sum = 0;
      let weighed = true;
      node.data.branches.forEach((b: unknown, j) => {
        if (!isObject(b)) return;
        if (typeof b.id === 'string') {
          if (seen.has(b.id))
            error(
              'duplicate_branch_id',
              at('data', 'branches', j, 'id'),
              { id: b.id },
              {
                nodeId: node.id,
              },
            );
          seen.add(b.id);
        }
        if (typeof b.weight === 'number') sum += b.weight;
        else weighed = false;
      });
      if (weighed && node.data.branches.length > 0 && sum !== 100)
        warning(
          'split_weights',
          at('data', 'branches'),
          { nodeId: node.id, sum: String(sum) },
          { nodeId: node.id },
        );
    }
    if (isBranching(node.type))
      for (const handle of sourceHandles(node))
        if (handle !== null && !used.has(`${node.id}\u0000${handle}`))
          warning('unconnected_handle', at(), { handle, ...label(node) }, { nodeId: node.id });
  }

  // Every RULE is within its depth and parts here (ruleLimitProblems, before the schema).
  for (const { rule, path, nodeIndex } of ruleFields(input)) {
    const ids = nodeIndex === undefined ? {} : nodeIdAt(rawNodes, nodeIndex);
    if (ruleSize(rule).values > LIMITS.rule.values) {
      error(
        'rule_too_large',
        pointerOf(...path),
        { kind: 'values', limit: String(LIMITS.rule.values) },
        ids,
      );
      continue;
    }
    eachEventRule(rule, (event, rest) => {
      if (typeof event.node !== 'string') return;
      const target = nodes.get(event.node);
      const at = pointerOf(...path, ...rest, 'node');
      if (!target) error('unknown_node_ref', at, { nodeId: event.node }, ids);
      else if (!MESSAGE_TYPES.has(String(target.type)))
        error('invalid_node_ref', at, label(target), ids);
    });
  }

  const schedule = isObject(input.settings) ? input.settings.schedule : undefined;
  if (isObject(schedule) && typeof schedule.start === 'string' && typeof schedule.end === 'string')
    if (schedule.end <= schedule.start)
      error('schedule_empty_window', '/settings/schedule', {
        start: schedule.start,
        end: schedule.end,
      });

  return problems;
}

function nodeIdAt(rawNodes: unknown[], index: number): { nodeId?: string } {
  const node = rawNodes[index];
  return isObject(node) && typeof node.id === 'string' ? { nodeId: node.id } : {};
}

/**
 * Reports each edge that closes a cycle (an edge back to a node on the current path), with
 * the path it closes. Iterative depth-first search, so a long chain can't overflow the stack.
 */
function findCycles(
  nodes: Map<string, NodeView>,
  out: Map<string, EdgeView[]>,
  report: (edge: EdgeView, path: string[]) => void,
): boolean {
  const state = new Map<string, 'open' | 'done'>();
  let found = false;
  for (const start of nodes.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const cursor: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const id = path[path.length - 1] as string;
      const i = cursor[cursor.length - 1] as number;
      const edges = out.get(id) ?? [];
      if (i >= edges.length) {
        state.set(id, 'done');
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = i + 1;
      const edge = edges[i] as EdgeView;
      const next = state.get(edge.target);
      if (next === 'open') {
        found = true;
        report(edge, [...path.slice(path.indexOf(edge.target)), edge.target]);
      } else if (next === undefined) {
        state.set(edge.target, 'open');
        path.push(edge.target);
        cursor.push(0);
      }
    }
  }
  return found;
}

/** A threaded email (no subject) needs an earlier email on every path that reaches it. */
function threadChecks(
  nodes: Map<string, NodeView>,
  into: Map<string, EdgeView[]>,
  reachable: Set<string>,
  entries: NodeView[],
  error: (
    code: ProblemCode,
    pointer: string,
    params: Record<string, string>,
    ids?: { nodeId?: string },
  ) => void,
) {
  // emailBefore(n): every path from the entry to n passes an email. Memoised, computed in
  // an order where predecessors come first (the graph is acyclic here).
  const memo = new Map<string, boolean>();
  for (const entry of entries) memo.set(entry.id, false);
  const emailBefore = (id: string): boolean => {
    const stack = [id];
    while (stack.length > 0) {
      const current = stack[stack.length - 1] as string;
      if (memo.has(current)) {
        stack.pop();
        continue;
      }
      const preds = (into.get(current) ?? []).filter((e) => reachable.has(e.source));
      const pending = preds.filter(
        (e) => nodes.get(e.source)?.type !== 'email' && !memo.has(e.source),
      );
      if (pending.length > 0) {
        for (const e of pending) stack.push(e.source);
        continue;
      }
      memo.set(
        current,
        preds.length > 0 &&
          preds.every((e) => nodes.get(e.source)?.type === 'email' || memo.get(e.source) === true),
      );
      stack.pop();
    }
    return memo.get(id) === true;
  };
  for (const node of nodes.values()) {
    if (node.type !== 'email' || !reachable.has(node.id) || !isObject(node.data)) continue;
    // A misspelt property (reported by the shape check) is likely the subject: don't guess.
    if (Object.keys(node.data).some((k) => !EMAIL_PROPERTIES.has(k))) continue;
    const subject = node.data.subject;
    if (subject !== undefined && (typeof subject !== 'string' || subject.trim() !== '')) continue;
    if (!emailBefore(node.id))
      error(
        'thread_without_email',
        pointerOf('nodes', node.index, 'data', ...(subject === undefined ? [] : ['subject'])),
        { nodeId: node.id },
        { nodeId: node.id },
      );
  }
}

/**
 * Whether graphProblems reads the same of two versions of a step (same id and type): the
 * branches of a split, whether an email has a subject (and only known properties), the RULEs
 * of a condition or wait_for and the triggers of an entry. Then the file's graph problems are
 * the same with either (validate-edits.ts reuses them). Keep in step with what is read above.
 */
export function sameGraphView(before: Loose, after: Loose): boolean {
  const a = before.data;
  const b = after.data;
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return false;
  switch (after.type) {
    case 'split':
      return sameBranches(a.branches, b.branches);
    case 'email':
      return (
        subjectKind(a.subject) === subjectKind(b.subject) &&
        onlyEmailProperties(a) === onlyEmailProperties(b)
      );
    case 'condition':
    case 'wait_for':
      return 'rule' in a === 'rule' in b && a.rule === b.rule;
    case 'entry':
      return a.triggers === b.triggers;
    default:
      return true;
  }
}

function sameBranches(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x: unknown, i) => {
    const y: unknown = b[i];
    if (!isObject(x) || !isObject(y)) return x === y || (!isObject(x) && !isObject(y));
    return x.id === y.id && x.weight === y.weight;
  });
}

const subjectKind = (subject: unknown) =>
  subject === undefined
    ? 'none'
    : typeof subject !== 'string'
      ? 'other'
      : subject.trim() === ''
        ? 'blank'
        : 'written';

const onlyEmailProperties = (data: Loose) =>
  Object.keys(data).every((k) => EMAIL_PROPERTIES.has(k));
