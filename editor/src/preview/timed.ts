/** User Timing name of the Preview's work after an edit, read by pnpm bench:preview. */
export const PREVIEW_MEASURE = 'nudge:preview-render';

/**
 * Runs a part of the preview's work (rendering, the links, the unsubscribe links) as a User
 * Timing entry: the bench adds up those after each keystroke, and the browser's profiler shows
 * them on its timeline.
 */
export function timed<T>(work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(PREVIEW_MEASURE, { start });
  }
}
