import { describe, expect, it } from 'vitest';
import {
  chooseMinimap,
  isMinimapShown,
  minimapChoice,
  SHOWN_FROM_STEPS,
} from './minimap-choice.ts';

describe('the overview map', () => {
  it('shows by itself only for long sequences', () => {
    expect(isMinimapShown(null, 5)).toBe(false);
    expect(isMinimapShown(null, SHOWN_FROM_STEPS)).toBe(true);
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
