import { type RefObject, useLayoutEffect, useState } from 'react';

const MARGIN = 8;

/** Below and centred on `at`, moved up or aside to stay inside the window. */
export function usePlacement(box: RefObject<HTMLDivElement | null>, at: { x: number; y: number }) {
  const [place, setPlace] = useState<{ left: number; top: number }>({ left: at.x, top: at.y });
  useLayoutEffect(() => {
    const el = box.current;
    const width = el?.offsetWidth ?? 0;
    const height = el?.offsetHeight ?? 0;
    const left = Math.min(
      Math.max(MARGIN, at.x - width / 2),
      Math.max(MARGIN, window.innerWidth - width - MARGIN),
    );
    const below = at.y;
    const top =
      below + height + MARGIN <= window.innerHeight
        ? below
        : Math.max(MARGIN, window.innerHeight - height - MARGIN);
    setPlace({ left, top });
  }, [box, at.x, at.y]);
  return place;
}
