import type { DragEvent as ReactDragEvent } from 'react';
import { isPaletteType, type PaletteType } from './step-types.ts';

/**
 * A palette item being dragged carries its step type under a type of our own, so the canvas
 * knows it from a file dragged in (which opens the file) or text from another page.
 */
export const STEP_DRAG_TYPE = 'application/x-nudge-step';

export function startStepDrag(event: DragEvent | ReactDragEvent, type: PaletteType): void {
  if (!event.dataTransfer) return;
  event.dataTransfer.setData(STEP_DRAG_TYPE, type);
  event.dataTransfer.effectAllowed = 'copy';
}

/** Whether a drag carries a palette item (its type can be read only on drop). */
export function carriesStep(event: DragEvent | ReactDragEvent): boolean {
  return event.dataTransfer?.types.includes(STEP_DRAG_TYPE) ?? false;
}

/** The step type a drop carries, if it is a palette item. */
export function droppedStep(event: DragEvent | ReactDragEvent): PaletteType | undefined {
  const type = event.dataTransfer?.getData(STEP_DRAG_TYPE);
  return isPaletteType(type) ? type : undefined;
}
