import { describe, expect, it } from 'vitest';
import {
  chooseMinimap,
  isMinimapShown,
  minimapChoice,
  SHOWN_FROM_STEPS,
} from './minimap-choice.ts';
import { LARGE_SEQUENCE } from './opening-view.ts';

describe('the overview map', () => {
  it('shows by itself only for long sequences, short of large ones', () => {
    expect(isMinimapShown(null, 5)).toBe(false);
    expect(isMinimapShown(null, SHOWN_FROM_STEPS)).toBe(true);
    expect(isMinimapShown(null, LARGE_SEQUENCE)).toBe(true);
    expect(isMinimapShown(null, 2000)).toBe(false);
  });

  it("follows the person's choice, whatever the length, and keeps it", () => {
    chooseMinimap(false);
    expect(minimapChoice.getState().choice).toBe('hidden');
    expect(isMinimapShown('hidden', 2000)).toBe(false);
    chooseMinimap(true);
    expect(isMinimapShown(minimapChoice.getState().choice, 1)).toBe(true);
    expect(localStorage.getItem('nudge.minimap')).toBe('shown');
  });
});
