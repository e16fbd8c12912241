import {
  type CheckedFile,
  checkSequenceBytes,
  editValidator,
  type JsonSyntaxError,
  LIMITS,
  type Problem,
  type ProblemCode,
  type Sequence,
  type ValidationResult,
  validateSequence,
} from '@nudge/schema';
import {
  applyEdgeChanges,
  applyNodeChanges,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { temporal } from 'zundo';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { LinkFlowEdge, StepFlowNode } from '../canvas/flow-types.ts';
import { layoutFlow, toFlow } from '../canvas/to-flow.ts';
import { indexAt, ProblemTargets } from '../problems/targets.ts';
import { redraw } from './derive.ts';
import { type EditOptions, type EditOutcome, isRefused, type Refusal } from './edit.ts';
import { isObject, type SequenceFile, withPositions } from './file.ts';

/**
 * The open sequence: the file as read, what the validator says about it, and the canvas's
 * view of it. One store per editor; components read it with `useSequence(selector)`.
 *
 * The file (the document) is the source of truth for what a sequence is: it is what gets
 * saved, and every change to it is a pure command (../commands) applied with `edit`, kept in
 * the undo history (zundo, `sequenceStore.temporal`). The canvas's nodes and edges are derived
 * from it after every change (derive.ts) and hold view state only (selection, measured sizes).
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
  /**
   * Whether the open file can be edited: an object with a list of nodes (and of edges, or
   * none), drawn on the canvas. A file that is not a sequence, or refused at a limit, is not.
   */
  editable: boolean;
  /** Bumped on every change of the document (edits, undo, redo, open): what autosave watches. */
  revision: number;
  /** The last edit that was refused, and why, to show where it was tried; cleared by the next edit. */
  refusal: (Refusal & { at?: { x: number; y: number }; request: number }) | null;
}

export interface SequenceActions {
  /**
   * Opens a file from its bytes (UTF-8, or UTF-16 with a byte order mark), as the CLI and the
   * API read files: over LIMITS.fileBytes gives a load error, so does what is not JSON text;
   * JSON is validated and shown.
   */
  openBytes(fileName: string, bytes: Uint8Array): void;
  /**
   * Opens what checking a file's bytes gave (checker.ts: off the page's thread), drawn as
   * `drawing` when the caller drew it already (drawOpened), in a task of its own.
   */
  openChecked(fileName: string, checked: CheckedFile, drawing?: OpenedDrawing): void;
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
  /**
   * Applies one edit to the document (a command of ../commands), validates it again and
   * redraws the canvas. Refused edits change nothing and are kept in `refusal`. Edits with the
   * same `field` in a row are one undo step (typing a word is undone at once).
   */
  edit(change: (sequence: Sequence) => EditOutcome, options?: EditOptions): EditOutcome | undefined;
  undo(): void;
  redo(): void;
  /**
   * Ends the current undo step: the next edit starts a new one even in the same field, so that
   * undo comes back to the document as it is now (a save marks it so).
   */
  endUndoStep(): void;
  /** Selects these steps (and no links), e.g. the step just added. */
  selectSteps(ids: string[], options?: { focus?: boolean }): void;
  dismissRefusal(): void;
}

export type SequenceStore = SequenceState & SequenceActions;

const closed: Omit<SequenceState, 'openCount' | 'focus' | 'revision'> = {
  fileName: null,
  file: null,
  loadError: null,
  errors: [],
  warnings: [],
  notDrawn: null,
  nodes: [],
  edges: [],
  targets: new ProblemTargets([], []),
  editable: false,
  refusal: null,
};

/** Runs `task` when the page has nothing else to do (soon, where it can't tell). */
function whenIdle(task: () => unknown): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task());
  else setTimeout(task, 0);
}

/** How many edits can be undone (the issue asks for at least 200). */
export const HISTORY_DEPTH = 250;

export function createSequenceStore() {
  /** The `field` of the last edit, while edits of that one field follow each other. */
  let typing: string | undefined;
  /** Checks each edit again where it changed (a few steps), not the whole sequence. */
  const validateEdit = editValidator();
  /** The document the canvas was last drawn from (redraw: an edit of a few steps is quick). */
  let drawnFrom: SequenceFile | undefined;
  const store = createStore<SequenceStore>()(
    temporal(
      (set, get) => {
        /** Shows a file and what the validator says of it (`value` absent: too deep to parse). */
        const show = (
          fileName: string,
          value: unknown,
          result: ValidationResult,
          { file, notDrawn, flow }: OpenedDrawing = drawOpened(value, result),
        ) => {
          const { errors, warnings } = result;
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
            editable: flow !== null && isEditable(file),
            revision: s.revision + 1,
          }));
          drawnFrom = flow ? (file ?? undefined) : undefined;
          forgetHistory();
          // The first edit then checks only what it changed, as every later one does.
          if (file && flow) whenIdle(() => get().file === file && validateEdit(file));
        };

        /** Validates the document as it now is and redraws the canvas around it. */
        const showDocument = (file: SequenceFile) => {
          const { errors, warnings } = validateEdit(file);
          const drawn = redraw(file, [...errors, ...warnings], get(), drawnFrom);
          drawnFrom = file;
          set((s) => ({ errors, warnings, ...drawn, revision: s.revision + 1 }));
        };

        /** Writes a new document, as one undo step unless it continues typing in one field. */
        const commit = (file: SequenceFile, field: string | undefined) => {
          const continues = field !== undefined && field === typing;
          typing = field;
          const history = store.temporal.getState();
          if (continues) history.pause();
          try {
            set({ file, refusal: null });
          } finally {
            if (continues) history.resume();
          }
          showDocument(file);
        };

        const forgetHistory = () => {
          typing = undefined;
          // The store is being made when the first file opens in a test: no history yet.
          store?.temporal.getState().clear();
        };

        /** The outcome of reading a file the way the CLI and the API read it. */
        const open = (fileName: string, checked: CheckedFile, drawing?: OpenedDrawing) => {
          if (checked.kind === 'checked')
            return show(fileName, checked.value, checked.result, drawing);
          if (checked.code === 'invalid_json')
            return get().failToOpen(fileName, { kind: 'not_json', syntax: checked.position });
          get().failToOpen(fileName, { kind: 'not_text' });
        };

        return {
          ...closed,
          openCount: 0,
          focus: null,
          revision: 0,

          openBytes(fileName, bytes) {
            if (bytes.length > LIMITS.fileBytes)
              return get().failToOpen(fileName, { kind: 'too_large', bytes: bytes.length });
            open(fileName, checkSequenceBytes(bytes));
          },

          openChecked(fileName, checked, drawing) {
            open(fileName, checked, drawing);
          },

          openValue(fileName, value) {
            show(fileName, value, validateSequence(value));
          },

          failToOpen(fileName, loadError) {
            set((s) => ({
              ...closed,
              fileName,
              loadError,
              openCount: s.openCount + 1,
              focus: null,
              revision: s.revision + 1,
            }));
            drawnFrom = undefined;
            forgetHistory();
          },

          changeNodes(changes) {
            const nodes = withoutDrawnHandles(applyNodeChanges(changes, get().nodes), changes);
            // A drag ends with `dragging: false`: that is when the new position is worth keeping.
            const moved = new Set(
              changes.flatMap((c) => (c.type === 'position' && c.dragging === false ? [c.id] : [])),
            );
            const placements = nodes
              .filter((n) => moved.has(n.id))
              .map((n) => ({ index: n.data.step.index, position: n.position }));
            set({ nodes });
            const file = get().file;
            if (file && placements.length > 0) commit(withPositions(file, placements), undefined);
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
            const placed = nodes.map((n) => ({
              ...n,
              position: positions.get(n.id) ?? n.position,
            }));
            const placements = placed.map((n) => ({
              index: n.data.step.index,
              position: n.position,
            }));
            set({ nodes: placed });
            if (file) commit(withPositions(file, placements), undefined);
          },

          edit(change, options = {}) {
            const { file, editable, refusal } = get();
            if (!file || !editable) return undefined;
            const outcome = change(file as unknown as Sequence);
            if (isRefused(outcome)) {
              typing = undefined;
              set({
                refusal: {
                  ...outcome,
                  ...(options.at ? { at: options.at } : {}),
                  request: (refusal?.request ?? 0) + 1,
                },
              });
              return outcome;
            }
            if (outcome.sequence !== (file as unknown)) {
              commit(outcome.sequence as unknown as SequenceFile, options.field);
            }
            const select = options.select?.(outcome);
            if (select) get().selectSteps(select, { focus: options.focus ?? false });
            return outcome;
          },

          undo() {
            typing = undefined;
            const before = get().file;
            store.temporal.getState().undo();
            const after = get().file;
            if (after && after !== before) showDocument(after);
          },

          redo() {
            typing = undefined;
            const before = get().file;
            store.temporal.getState().redo();
            const after = get().file;
            if (after && after !== before) showDocument(after);
          },

          endUndoStep() {
            typing = undefined;
          },

          selectSteps(ids, { focus: bringIntoView = false } = {}) {
            const chosen = new Set(ids);
            const { nodes, edges, focus } = get();
            const first = ids[0];
            set({
              nodes: nodes.map((n) => withSelected(n, chosen.has(n.id))),
              edges: edges.map((e) => withSelected(e, false)),
              ...(bringIntoView && first !== undefined
                ? { focus: { kind: 'node', id: first, request: (focus?.request ?? 0) + 1 } }
                : {}),
            });
          },

          dismissRefusal() {
            set({ refusal: null });
          },
        };
      },
      {
        // Only the document is history: selection and view state are not undone.
        partialize: (state) => ({ file: state.file }),
        equality: (a, b) => a.file === b.file,
        limit: HISTORY_DEPTH,
      },
    ),
  );
  return store;
}

/** What the canvas draws of a file just opened, and why it draws nothing, if it doesn't. */
export interface OpenedDrawing {
  file: SequenceFile | null;
  notDrawn: NotDrawn | null;
  flow: ReturnType<typeof toFlow> | null;
}

/**
 * The canvas's view of a file just opened, with what the validator said of it: nothing for a
 * file refused at a limit (drawing it could freeze the page) or JSON that is not a sequence.
 */
export function drawOpened(value: unknown, { errors, warnings }: ValidationResult): OpenedDrawing {
  const file = isObject(value) ? value : null;
  const notDrawn: NotDrawn | null =
    refusal(file, errors) ?? (file ? null : { kind: 'not_a_sequence' });
  const flow = file && !notDrawn ? toFlow(file, [...errors, ...warnings]) : null;
  return { file, notDrawn, flow };
}

/** A file the commands can work on: nodes (and edges, if any) in lists. */
function isEditable(file: SequenceFile | null): boolean {
  return (
    file !== null &&
    Array.isArray(file.nodes) &&
    (file.edges === undefined || Array.isArray(file.edges))
  );
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

/**
 * A step drawn and measured for the first time keeps the handles React Flow measured, not the
 * places they were expected at before it was drawn (canvas/drawn-handles.ts).
 */
function withoutDrawnHandles(
  nodes: StepFlowNode[],
  changes: NodeChange<StepFlowNode>[],
): StepFlowNode[] {
  const measured = new Set(changes.flatMap((c) => (c.type === 'dimensions' ? [c.id] : [])));
  if (measured.size === 0) return nodes;
  return nodes.map((n) => (measured.has(n.id) && n.handles ? withoutHandles(n) : n));
}

function withoutHandles(node: StepFlowNode): StepFlowNode {
  const { handles: _, ...rest } = node;
  return rest;
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

/** Whether there is something to undo, or to redo. */
export function useHistory(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(sequenceStore.temporal, (h) => h.pastStates.length > 0);
  const canRedo = useStore(sequenceStore.temporal, (h) => h.futureStates.length > 0);
  return { canUndo, canRedo };
}
