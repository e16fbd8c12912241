import type { Sequence } from '@nudge/schema';
import { type RefObject, useEffect } from 'react';
import { paletteTarget } from '../palette/target.ts';
import { sequenceStore } from '../sequence/store.ts';
import {
  copySelection,
  duplicateSelection,
  focusStep,
  linkIdOf,
  pasteText,
  selectAllSteps,
  selectedStepIds,
  stepIdOf,
} from './actions.ts';
import { focusAfterRemoval, focusedOnCanvas } from './keep-focus.ts';
import {
  type MenuOverlay,
  openOverlay,
  overlayStore,
  type ScreenPoint,
  type SearchOverlay,
} from './overlay.ts';
import { hasTextSelection, isTypingTarget } from './typing.ts';
import { useView, type View } from './use-view.ts';

/**
 * The canvas's keys, while focus is on the canvas or its palette (or nowhere, after a click
 * on the canvas), never while typing (typing.ts):
 *
 * - `/`: the step search, inserting after the focused or selected step (else where a palette
 *   click would add it);
 * - Ctrl/Cmd+C, Ctrl/Cmd+V: copy the selected steps as JSON, paste at the pointer or the
 *   middle of the view (through the browser's copy and paste events);
 * - Ctrl/Cmd+D duplicates, Ctrl/Cmd+A selects every step, Shift+1 fits the view;
 * - Shift+F10 or the menu key: the right-click menu of the focused step or link, or the canvas's.
 *
 * Delete/Backspace and Enter/Space/arrows on steps are React Flow's; Ctrl/Cmd+Z is the page's.
 * When what they remove had focus, focus goes to a neighbouring step (keep-focus.ts).
 */
export function useCanvasKeys(scope: RefObject<HTMLElement | null>): void {
  const view = useView();
  useKeepFocus(scope);
  useEffect(() => {
    const root = scope.current;
    if (!root) return;
    let pointer: ScreenPoint | null = null;
    const onMove = (e: PointerEvent) => {
      pointer = { x: e.clientX, y: e.clientY };
    };
    const onLeave = () => {
      pointer = null;
    };
    const applies = (target: EventTarget | null) =>
      !overlayStore.getState().overlay &&
      !isTypingTarget(target) &&
      (target === document.body ||
        target === document.documentElement ||
        (target instanceof Node && root.contains(target)));

    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || !applies(e.target)) return;
      const mod = (e.ctrlKey || e.metaKey) && !e.altKey;
      const key = e.key.toLowerCase();
      const editable = sequenceStore.getState().editable;
      if (mod && !e.shiftKey && (key === 'd' || e.code === 'KeyD')) {
        e.preventDefault();
        if (editable) duplicateSelection();
      } else if (mod && !e.shiftKey && (key === 'a' || e.code === 'KeyA')) {
        e.preventDefault();
        selectAllSteps();
      } else if (!mod && !e.altKey && e.key === '/' && editable) {
        e.preventDefault();
        openSearchFrom(e.target, view);
      } else if (!mod && !e.altKey && e.shiftKey && e.code === 'Digit1') {
        e.preventDefault();
        view.fit();
      } else if ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu') {
        e.preventDefault();
        openMenuFrom(e.target, view);
      }
    };
    const onCopy = (e: ClipboardEvent) => {
      if (!applies(e.target) || hasTextSelection()) return;
      copySelection(e);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!applies(e.target) || !sequenceStore.getState().editable) return;
      e.preventDefault();
      const screen = pointer ?? view.centre().screen;
      pasteText(e.clipboardData?.getData('text/plain') ?? '', view.toFlow(screen), screen);
    };

    root.addEventListener('pointermove', onMove);
    root.addEventListener('pointerleave', onLeave);
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      root.removeEventListener('pointermove', onMove);
      root.removeEventListener('pointerleave', onLeave);
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [scope, view]);
}

/**
 * Keeps keyboard focus on the canvas when the focused step or link is removed (by Delete, an
 * undo, the menu): read as the store changes, while the focused element is still drawn.
 */
function useKeepFocus(scope: RefObject<HTMLElement | null>): void {
  useEffect(
    () =>
      sequenceStore.subscribe((state, previous) => {
        if (state.nodes === previous.nodes && state.edges === previous.edges) return;
        const root = scope.current;
        const active = document.activeElement;
        if (!root || !active || !root.contains(active)) return;
        const focused = focusedOnCanvas(active);
        const next = focused && focusAfterRemoval(focused, previous, state);
        if (next) focusStep(next);
      }),
    [scope],
  );
}

/** The step or link element that has focus, if any. */
function focused(target: EventTarget | null) {
  if (!(target instanceof Element)) return undefined;
  const step = target.closest<HTMLElement>('.react-flow__node[data-id]');
  if (step) return { kind: 'step' as const, element: step, key: step.dataset.id as string };
  const link = target.closest<HTMLElement>('.react-flow__edge[data-id]');
  if (link) return { kind: 'link' as const, element: link, key: link.dataset.id as string };
  return undefined;
}

/** Just below an element's middle, where an overlay opened from it goes. */
function below(element: Element): ScreenPoint {
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.bottom + 6 };
}

const selectedElement = (stepId: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(stepId)}"]`);

function openSearchFrom(target: EventTarget | null, view: View): void {
  const search = searchFor(target, view);
  if (search) openOverlay(search);
}

/** The search for a focused step or link, else for the selection (as a palette click). */
function searchFor(target: EventTarget | null, view: View): SearchOverlay | undefined {
  const opener = target instanceof HTMLElement ? target : null;
  const at = focused(target);
  const stepId = at?.kind === 'step' ? stepIdOf(at.key) : undefined;
  if (at && stepId !== undefined)
    return { kind: 'search', placement: { after: stepId }, at: below(at.element), opener };
  const link = at?.kind === 'link' ? linkIdOf(at.key) : undefined;
  if (at && link !== undefined)
    return { kind: 'search', placement: { onEdge: link }, at: below(at.element), opener };
  const file = sequenceStore.getState().file as unknown as Sequence | null;
  if (!file) return undefined;
  const placement = paletteTarget(file, selectedStepIds());
  if (placement) {
    const element = selectedElement(placement.after);
    return {
      kind: 'search',
      placement,
      at: element ? below(element) : view.centre().screen,
      opener,
    };
  }
  const centre = view.centre();
  const corner = view.cardAt(centre.flow);
  return { kind: 'search', placement: { at: corner }, position: corner, at: centre.screen, opener };
}

function openMenuFrom(target: EventTarget | null, view: View): void {
  openOverlay(menuFor(target, view));
}

/** The menu of a focused step (selecting it) or link, else the canvas's, at its middle. */
function menuFor(target: EventTarget | null, view: View): MenuOverlay {
  const opener = target instanceof HTMLElement ? target : null;
  const at = focused(target);
  const stepId = at?.kind === 'step' ? stepIdOf(at.key) : undefined;
  if (at && stepId !== undefined) {
    const { nodes, selectSteps } = sequenceStore.getState();
    if (!nodes.find((n) => n.id === at.key)?.selected) selectSteps([at.key]);
    return { kind: 'menu', target: { kind: 'step', stepId }, at: below(at.element), opener };
  }
  const edgeId = at?.kind === 'link' ? linkIdOf(at.key) : undefined;
  if (at && edgeId !== undefined)
    return { kind: 'menu', target: { kind: 'link', edgeId }, at: below(at.element), opener };
  const centre = view.centre();
  return {
    kind: 'menu',
    target: { kind: 'canvas', point: centre.flow },
    at: centre.screen,
    opener,
  };
}
