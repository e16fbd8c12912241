import type { NodeType, Position, Sequence } from '@nudge/schema';
import {
  duplicateSteps,
  isRefusal,
  type Placement,
  pasteSteps,
  readClipboard,
} from '../commands/index.ts';
import { i18n } from '../i18n/i18n.ts';
import { sequenceStore } from '../sequence/store.ts';
import { announce } from './Announcer.tsx';
import { clipboardText, pasteCorner, rememberCopied, writeClipboard } from './clipboard.ts';
import { insertStep } from './insert.ts';
import type { ScreenPoint } from './overlay.ts';
import { deleteSelection } from './use-editing.ts';

/**
 * The canvas's actions, shared by the keys, the right-click menu, the palette and the step
 * search: each one edit through the store (one undo step), selecting what it made.
 */

const documentOf = () => sequenceStore.getState().file as unknown as Sequence | null;

/** The file ids of the selected steps, in the document's order. */
export function selectedStepIds(): string[] {
  return sequenceStore
    .getState()
    .nodes.filter((n) => n.selected)
    .map((n) => n.data.step.id);
}

/** The file ids of the selected links. */
function selectedLinkIds(): string[] {
  return sequenceStore
    .getState()
    .edges.flatMap((e) => (e.selected && e.data ? [e.data.link.id] : []));
}

/** The file id of the link drawn with this canvas key. */
export function linkIdOf(key: string): string | undefined {
  return sequenceStore.getState().edges.find((e) => e.id === key)?.data?.link.id;
}

/** The file id of the step drawn with this canvas key. */
export function stepIdOf(key: string): string | undefined {
  return sequenceStore.getState().nodes.find((n) => n.id === key)?.data.step.id;
}

export interface AddOptions {
  /** Where the new step is drawn (a drop), else where the placement puts it. */
  position?: Position;
  /** Where a refusal is said, on the screen. */
  at?: ScreenPoint;
  /** Move keyboard focus to the new step (from the step search), or leave it (the palette). */
  focusStep?: boolean;
}

/** Adds a step, selects it and brings it into view. Returns its id, unless refused. */
export function addStepNow(
  type: NodeType,
  placement: Placement,
  { position, at, focusStep: focus = false }: AddOptions = {},
): string | undefined {
  const outcome = sequenceStore
    .getState()
    .edit((s) => insertStep(s, type, placement, position, drawnPositions()), {
      select: (o) => (typeof o.stepId === 'string' ? [o.stepId] : undefined),
      focus: true,
      ...(at ? { at } : {}),
    });
  if (!outcome || isRefusal(outcome)) return undefined;
  const id = (outcome as { stepId?: unknown }).stepId;
  if (typeof id !== 'string') return undefined;
  announce(i18n.t('build.status.added', { type: i18n.t(`step.types.${type}`), id }));
  if (focus) focusStep(id);
  return id;
}

/** Where the canvas draws each step, by file id (the first step with an id, as commands read). */
function drawnPositions(): Map<string, Position> {
  const drawn = new Map<string, Position>();
  for (const n of sequenceStore.getState().nodes)
    if (!drawn.has(n.data.step.id)) drawn.set(n.data.step.id, n.position);
  return drawn;
}

/**
 * Copies the selected steps: into the copy event when there is one (Ctrl/Cmd+C), else
 * through the Clipboard API (the menu). False when no step can be copied.
 */
export function copySelection(event?: ClipboardEvent): boolean {
  const file = documentOf();
  const ids = selectedStepIds();
  const text = file ? clipboardText(file, ids) : undefined;
  if (!text) return false;
  if (event?.clipboardData) {
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    rememberCopied(text);
  } else void writeClipboard(text);
  const count = (JSON.parse(text) as { nodes: unknown[] }).nodes.length;
  announce(i18n.t('build.status.copied', { count }));
  return true;
}

/**
 * Pastes clipboard text centred on `point` (flow coordinates): Nudge steps or a sequence's
 * JSON paste with fresh ids and are selected; anything else is refused, saying so at `at`,
 * and changes nothing.
 */
export function pasteText(text: string, point: Position, at?: ScreenPoint): void {
  const clipboard = readClipboard(text);
  const outcome = sequenceStore
    .getState()
    .edit(
      (s) =>
        isRefusal(clipboard) ? clipboard : pasteSteps(s, clipboard, pasteCorner(clipboard, point)),
      {
        select: (o) => (Array.isArray(o.stepIds) ? (o.stepIds as string[]) : undefined),
        ...(at ? { at } : {}),
      },
    );
  if (outcome && !isRefusal(outcome) && !isRefusal(clipboard))
    announce(i18n.t('build.status.pasted', { count: clipboard.nodes.length }));
}

/** Duplicates the selected steps beside the originals, selecting the copies. */
export function duplicateSelection(): void {
  const ids = selectedStepIds();
  if (ids.length === 0) {
    announce(i18n.t('build.status.nothingSelected'));
    return;
  }
  const outcome = sequenceStore.getState().edit((s) => duplicateSteps(s, ids), {
    select: (o) => (Array.isArray(o.stepIds) ? (o.stepIds as string[]) : undefined),
  });
  if (outcome && !isRefusal(outcome))
    announce(
      i18n.t('build.status.duplicated', {
        count: (outcome as { stepIds?: unknown[] }).stepIds?.length ?? 0,
      }),
    );
}

export function selectAllSteps(): void {
  const { nodes, selectSteps } = sequenceStore.getState();
  selectSteps(nodes.map((n) => n.id));
  announce(i18n.t('build.status.selectedAll', { count: nodes.length }));
}

/** Deletes the selected steps and links (as Delete does). */
export function deleteSelected(): void {
  deleteSelection(selectedStepIds(), selectedLinkIds());
}

/**
 * Moves keyboard focus to a step once React Flow has drawn it: a new node is hidden until it
 * is measured, and a hidden element can't take focus.
 */
export function focusStep(key: string, frames = 30): void {
  const element = document.querySelector<HTMLElement>(
    `.react-flow__node[data-id="${CSS.escape(key)}"]`,
  );
  if (element && element.style.visibility !== 'hidden') {
    element.focus({ preventScroll: true });
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusStep(key, frames - 1));
}
