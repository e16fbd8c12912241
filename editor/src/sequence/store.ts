import {
  type CheckedFile,
  checkSequenceBytes,
  type JsonSyntaxError,
  LIMITS,
  type Problem,
  type ProblemCode,
  type ValidationResult,
  validateSequence,
} from '@nudge/schema';
import {
  applyEdgeChanges,
  applyNodeChanges,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { LinkFlowEdge, StepFlowNode } from '../canvas/flow-types.ts';
import { layoutFlow, toFlow } from '../canvas/to-flow.ts';
import { indexAt, ProblemTargets } from '../problems/targets.ts';
import { isObject, type SequenceFile, withPositions } from './file.ts';

/**
 * The open sequence: the file as read, what the validator says about it, and the canvas's
 * view of it. One store per editor; components read it with `useSequence(selector)`.
 *
 * The file stays the source of truth for what a sequence is (it is what gets saved); the
 * canvas nodes hold view state (selection, measured sizes). Moving steps writes positions
 * back to the file.
 */

/** Why a file could not be opened at all. */
export type LoadError =
  | { kind: 'not_json'; syntax: JsonSyntaxError }
  | { kind: 'not_text' }
  | { kind: 'too_large'; bytes: number }
  | { kind: 'unreadable' };

/**
 * The problems that refuse a file at a limit: the validator read it no further, and drawing
 * it could freeze the page (tens of thousands of links, say), so the canvas draws nothing.
 */
export const LIMIT_CODES = [
  'too_many_nodes',
  'too_many_edges',
  'too_many_properties',
  'too_many_values',
  'too_deep',
] as const satisfies readonly ProblemCode[];
export type LimitCode = (typeof LIMIT_CODES)[number];

/**
 * Why an open file is not drawn: refused at a limit (`count`: its nodes or edges), or JSON
 * that is not a sequence at all (an array, a string...).
 */
export type NotDrawn =
  | { kind: 'refused'; code: LimitCode; count?: number }
  | { kind: 'not_a_sequence' };

/** A node or an edge of the canvas. */
export interface Selection {
  kind: 'node' | 'edge';
  id: string;
}

export interface SequenceState {
  fileName: string | null;
  file: SequenceFile | null;
  loadError: LoadError | null;
  errors: Problem[];
  warnings: Problem[];
  /** Why the open file is not drawn, when it is not. */
  notDrawn: NotDrawn | null;
  nodes: StepFlowNode[];
  edges: LinkFlowEdge[];
  /** What each problem is about on the canvas (by its pointer's index, else its ids). */
  targets: ProblemTargets;
  /** Bumped on every open, so the canvas starts afresh and fits the new sequence in view. */
  openCount: number;
  /** What the canvas should bring into view; `request` changes on every ask. */
  focus: (Selection & { request: number }) | null;
}

export interface SequenceActions {
  /**
   * Opens a file from its bytes (UTF-8, or UTF-16 with a byte order mark), as the CLI and the
   * API read files: over LIMITS.fileBytes gives a load error, so does what is not JSON text;
   * JSON is validated and shown.
   */
  openBytes(fileName: string, bytes: Uint8Array): void;
  /** Opens an already parsed file (an example, or JSON from the API). */
  openValue(fileName: string, value: unknown): void;
  /** Shows why a file could not be opened, closing whatever was open. */
  failToOpen(fileName: string, error: LoadError): void;
  /** React Flow's change events (selection, dragging, measuring). */
  changeNodes(changes: NodeChange<StepFlowNode>[]): void;
  changeEdges(changes: EdgeChange<LinkFlowEdge>[]): void;
  /**
   * Selects what a problem is about and asks the canvas to show it: the node or edge at its
   * pointer (two may share an id), else the one its ids name; the edge when the pointer is into
   * the edges, else the node; for an edge the canvas can't draw, the step it leaves.
   */
  selectProblem(problem: Problem): boolean;
  /** Lays out every step again, top to bottom. */
  tidyUp(): void;
}

export type SequenceStore = SequenceState & SequenceActions;

const closed: Omit<SequenceState, 'openCount' | 'focus'> = {
  fileName: null,
  file: null,
  loadError: null,
  errors: [],
  warnings: [],
  notDrawn: null,
  nodes: [],
  edges: [],
  targets: new ProblemTargets([], []),
};

export function createSequenceStore() {
  return createStore<SequenceStore>()((set, get) => {
    /** Shows a file and what the validator says of it (`value` absent: too deep to parse). */
    const show = (fileName: string, value: unknown, { errors, warnings }: ValidationResult) => {
      const file = isObject(value) ? value : null;
      const notDrawn: NotDrawn | null =
        refusal(file, errors) ?? (file ? null : { kind: 'not_a_sequence' });
      const flow = file && !notDrawn ? toFlow(file, [...errors, ...warnings]) : null;
      set((s) => ({
        ...closed,
        fileName,
        file,
        errors,
        warnings,
        notDrawn,
        nodes: flow?.nodes ?? [],
        edges: flow?.edges ?? [],
        targets: flow?.targets ?? closed.targets,
        openCount: s.openCount + 1,
        focus: null,
      }));
    };

    /** The outcome of reading a file the way the CLI and the API read it. */
    const open = (fileName: string, checked: CheckedFile) => {
      if (checked.kind === 'checked') return show(fileName, checked.value, checked.result);
      if (checked.code === 'invalid_json')
        return get().failToOpen(fileName, { kind: 'not_json', syntax: checked.position });
      get().failToOpen(fileName, { kind: 'not_text' });
    };

    return {
      ...closed,
      openCount: 0,
      focus: null,

      openBytes(fileName, bytes) {
        if (bytes.length > LIMITS.fileBytes)
          return get().failToOpen(fileName, { kind: 'too_large', bytes: bytes.length });
        open(fileName, checkSequenceBytes(bytes));
      },

      openValue(fileName, value) {
        show(fileName, value, validateSequence(value));
      },

      failToOpen(fileName, loadError) {
        set((s) => ({ ...closed, fileName, loadError, openCount: s.openCount + 1, focus: null }));
      },

      changeNodes(changes) {
        const nodes = applyNodeChanges(changes, get().nodes);
        // A drag ends with `dragging: false`: that is when the new position is worth keeping.
        const moved = new Set(
          changes.flatMap((c) => (c.type === 'position' && c.dragging === false ? [c.id] : [])),
        );
        const placements = nodes
          .filter((n) => moved.has(n.id))
          .map((n) => ({ index: n.data.step.index, position: n.position }));
        const file = get().file;
        set({
          nodes,
          ...(file && placements.length > 0 ? { file: withPositions(file, placements) } : {}),
        });
      },

      changeEdges(changes) {
        set({ edges: applyEdgeChanges(changes, get().edges) });
      },

      selectProblem(problem) {
        const { nodes, edges, focus, file, targets } = get();
        const target = targetOf(problem, targets, file);
        if (!target) return false;
        const isNode = target.kind === 'node';
        set({
          nodes: nodes.map((n) => withSelected(n, isNode && n.id === target.id)),
          edges: edges.map((e) => withSelected(e, !isNode && e.id === target.id)),
          focus: { ...target, request: (focus?.request ?? 0) + 1 },
        });
        return true;
      },

      tidyUp() {
        const { nodes, edges, file } = get();
        const steps = nodes.map((n) => n.data.step);
        const positions = layoutFlow(steps, edges, { everything: true });
        const placed = nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position }));
        const placements = placed.map((n) => ({ index: n.data.step.index, position: n.position }));
        set({ nodes: placed, ...(file ? { file: withPositions(file, placements) } : {}) });
      },
    };
  });
}

/** The limit a file was refused at, if any (with the count of what was over it). */
function refusal(file: SequenceFile | null, errors: Problem[]): NotDrawn | null {
  const code = errors.find((p) => (LIMIT_CODES as readonly string[]).includes(p.code))?.code as
    | LimitCode
    | undefined;
  if (!code) return null;
  const list =
    code === 'too_many_nodes' ? file?.nodes : code === 'too_many_edges' ? file?.edges : undefined;
  return { kind: 'refused', code, ...(Array.isArray(list) ? { count: list.length } : {}) };
}

function targetOf(
  problem: Problem,
  targets: ProblemTargets,
  file: SequenceFile | null,
): Selection | undefined {
  const subject = targets.subject(problem);
  if (subject) return subject;
  // An edge the canvas can't draw (a missing end): show the step it leaves, or enters.
  const at = indexAt(problem.pointer, 'edges');
  if (at === undefined && problem.edgeId === undefined) return undefined;
  const edges = Array.isArray(file?.edges) ? file.edges : [];
  const edge = (
    at !== undefined ? edges[at] : edges.find((e) => isObject(e) && e.id === problem.edgeId)
  ) as unknown;
  if (!isObject(edge)) return undefined;
  const step = targets.nodeWithId(edge.source) ?? targets.nodeWithId(edge.target);
  return step === undefined ? undefined : { kind: 'node', id: step };
}

/** Keeps the same object when nothing changes, so React Flow re-renders only what did. */
function withSelected<T extends { selected?: boolean }>(item: T, selected: boolean): T {
  return Boolean(item.selected) === selected ? item : { ...item, selected };
}

/** Whether a file is open: read and checked, though it may not be a sequence or be drawn. */
export function isFileOpen(s: Pick<SequenceState, 'fileName' | 'loadError'>): boolean {
  return s.fileName !== null && s.loadError === null;
}

/** The editor's store. Tests make their own with createSequenceStore(). */
export const sequenceStore = createSequenceStore();

export function useSequence<T>(selector: (state: SequenceStore) => T): T {
  return useStore(sequenceStore, selector);
}
