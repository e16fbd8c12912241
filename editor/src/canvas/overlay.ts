import type { Position } from '@nudge/schema';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Placement } from '../commands/index.ts';

/**
 * What floats over the canvas: the step search or a right-click menu (one at a time), and the
 * link a palette item is being dragged over. UI state only: nothing here is the document or
 * its history, so it lives beside the sequence store, as the panel's state does.
 */

/** A point on the screen (client coordinates), where an overlay opens. */
export type ScreenPoint = { x: number; y: number };

/** The step search, open to insert the chosen type with `placement`. */
export interface SearchOverlay {
  kind: 'search';
  placement: Placement;
  /** Where the new step is drawn, when chosen on the canvas (Add step here…). */
  position?: Position;
  at: ScreenPoint;
  /** Where focus goes back when the search is closed without inserting. */
  opener: HTMLElement | null;
}

/** The step picker, open to link `source` (by `handle`, else its first free one) to a step. */
export interface ConnectOverlay {
  kind: 'connect';
  source: string;
  handle?: string | null;
  at: ScreenPoint;
  opener: HTMLElement | null;
}

/** What a right-click menu is about. */
export type MenuTarget =
  | { kind: 'step'; stepId: string }
  | { kind: 'link'; edgeId: string }
  | { kind: 'canvas'; point: Position };

export interface MenuOverlay {
  kind: 'menu';
  target: MenuTarget;
  at: ScreenPoint;
  opener: HTMLElement | null;
}

export type Overlay = SearchOverlay | MenuOverlay | ConnectOverlay;

interface OverlayState {
  overlay: Overlay | null;
  /** The canvas key of the link a palette item would be dropped into. */
  dropLink: string | null;
}

export const overlayStore = createStore<OverlayState>()(() => ({ overlay: null, dropLink: null }));

export function openOverlay(overlay: Overlay): void {
  overlayStore.setState({ overlay });
}

/** Closes the overlay; focus goes back where it came from unless something else takes it. */
export function closeOverlay({ returnFocus }: { returnFocus: boolean }): void {
  const { overlay } = overlayStore.getState();
  overlayStore.setState({ overlay: null });
  if (returnFocus && overlay?.opener?.isConnected) overlay.opener.focus({ preventScroll: true });
}

export function setDropLink(dropLink: string | null): void {
  if (overlayStore.getState().dropLink !== dropLink) overlayStore.setState({ dropLink });
}

export function useOverlay(): Overlay | null {
  return useStore(overlayStore, (s) => s.overlay);
}

/** Whether this link is where a dragged palette item would go: each link watches only its own. */
export function useIsDropLink(edgeKey: string): boolean {
  return useStore(overlayStore, (s) => s.dropLink === edgeKey);
}
