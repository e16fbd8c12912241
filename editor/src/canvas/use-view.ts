import type { Position } from '@nudge/schema';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import { STEP_SIZE } from './layout.ts';
import type { ScreenPoint } from './overlay.ts';

/**
 * Fit view takes in every step, drawn or not: a large sequence draws only the steps in view,
 * and React Flow leaves the others out of the fit unless told (their size is the usual card's).
 */
export const FIT_VIEW = {
  padding: 0.15,
  maxZoom: 1,
  duration: 300,
  includeHiddenNodes: true,
} as const;

export interface View {
  /** The middle of the visible canvas, on the screen and on the canvas. */
  centre(): { screen: ScreenPoint; flow: Position };
  toFlow(point: ScreenPoint): Position;
  /** The top-left corner that puts a card's middle at a point of the canvas. */
  cardAt(point: Position): Position;
  fit(): void;
}

/** The canvas's view, for placing steps where the person is looking. */
export function useView(): View {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useMemo(() => {
    const toFlow = (point: ScreenPoint) => flow.screenToFlowPosition(point);
    return {
      centre() {
        const box = store.getState().domNode?.getBoundingClientRect();
        const screen = box
          ? { x: box.left + box.width / 2, y: box.top + box.height / 2 }
          : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
        return { screen, flow: toFlow(screen) };
      },
      toFlow,
      cardAt: (point) => ({
        x: Math.round(point.x - STEP_SIZE.width / 2),
        y: Math.round(point.y - STEP_SIZE.height / 2),
      }),
      // After React Flow has drawn what just changed.
      fit: () => requestAnimationFrame(() => void flow.fitView(FIT_VIEW)),
    };
  }, [flow, store]);
}
