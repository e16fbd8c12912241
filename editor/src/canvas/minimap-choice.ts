import { createStore } from 'zustand/vanilla';

import { LARGE_SEQUENCE } from './opening-view.ts';

/**
 * Whether the overview map is shown. It sits over the canvas's corner, where it covers cards:
 * by default it shows only for sequences too long to see at once, up to large ones (it draws
 * every step, on every move of the view: a third of opening 2,000 steps, where each would be a
 * speck). A person's own choice (the map button under the zoom buttons) wins, and is kept for
 * the next visit.
 */
export const SHOWN_FROM_STEPS = 30;
const KEY = 'nudge.minimap';

type Choice = 'shown' | 'hidden' | null;

function saved(): Choice {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return value === 'shown' || value === 'hidden' ? value : null;
  } catch {
    return null;
  }
}

export const minimapChoice = createStore<{ choice: Choice }>()(() => ({ choice: saved() }));

export function isMinimapShown(choice: Choice, steps: number): boolean {
  if (choice !== null) return choice === 'shown';
  return steps >= SHOWN_FROM_STEPS && steps <= LARGE_SEQUENCE;
}

export function chooseMinimap(shown: boolean): void {
  const choice = shown ? 'shown' : 'hidden';
  minimapChoice.setState({ choice });
  try {
    globalThis.localStorage?.setItem(KEY, choice);
  } catch {
    // Private browsing without storage: the choice lasts for this visit.
  }
}
