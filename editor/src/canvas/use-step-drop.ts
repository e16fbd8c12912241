import { type DragEvent, useCallback, useMemo } from 'react';
import { carriesStep, droppedStep } from '../palette/drag.ts';
import { addStepNow, linkIdOf } from './actions.ts';
import { linkAt } from './link-hit.ts';
import { setDropLink } from './overlay.ts';
import { useView } from './use-view.ts';

/**
 * Dropping a palette item on the canvas: onto a link, the step is inserted into it (the link
 * is highlighted while the item is over it); elsewhere, the step is added there, its card
 * centred on the pointer, unconnected.
 */
export function useStepDrop() {
  const view = useView();

  const onDragOver = useCallback((e: DragEvent) => {
    if (!carriesStep(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropLink(linkAt({ x: e.clientX, y: e.clientY }) ?? null);
  }, []);

  const onDragLeave = useCallback((e: DragEvent) => {
    // Leaving the canvas itself, not one of its parts.
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropLink(null);
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = droppedStep(e);
      setDropLink(null);
      if (!type) return;
      e.preventDefault();
      const at = { x: e.clientX, y: e.clientY };
      const key = linkAt(at);
      const link = key === undefined ? undefined : linkIdOf(key);
      if (link !== undefined) addStepNow(type, { onEdge: link }, { at });
      else {
        const corner = view.cardAt(view.toFlow(at));
        addStepNow(type, { at: corner }, { position: corner, at });
      }
    },
    [view],
  );

  return useMemo(() => ({ onDragOver, onDragLeave, onDrop }), [onDragOver, onDragLeave, onDrop]);
}
