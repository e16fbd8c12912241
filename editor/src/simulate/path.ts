import type { TimelineEntry } from '@nudge/runtime/core';

/** A link as the path needs it: its canvas id, ends and the handle it leaves by. */
export interface PathLink {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
}

/** Where a simulated contact has been by a moment: the steps, the links, the step it is at. */
export interface PathSoFar {
  nodes: Set<string>;
  links: Set<string>;
  /** The step the contact is at (the last it reached), null before the first. */
  here: string | null;
}

/**
 * The path a simulated contact took, up to entry `upTo` of the timeline (inclusive): the steps
 * of its entries, and each link between two steps in a row (the one leaving by the handle the
 * branch took, when there are several). The entry step makes no timeline line; it is on the
 * path when a link leads from it to the first step.
 */
export function pathSoFar(
  timeline: readonly TimelineEntry[],
  links: readonly PathLink[],
  entrySteps: readonly string[],
  upTo: number,
): PathSoFar {
  const nodes = new Set<string>();
  const onPath = new Set<string>();
  const shown = timeline.slice(0, Math.max(0, upTo + 1));
  const first = shown[0];
  if (first) {
    for (const entry of entrySteps) {
      const link = links.find((l) => l.source === entry && l.target === first.node);
      if (link) {
        nodes.add(entry);
        onPath.add(link.id);
      }
    }
  }
  let previous: TimelineEntry | undefined;
  for (const entry of shown) {
    nodes.add(entry.node);
    if (previous && previous.node !== entry.node) {
      const from = previous;
      const candidates = links.filter((l) => l.source === from.node && l.target === entry.node);
      const link =
        candidates.find((l) => from.handle !== undefined && l.sourceHandle === from.handle) ??
        candidates[0];
      if (link) onPath.add(link.id);
    }
    previous = entry;
  }
  return { nodes, links: onPath, here: shown.at(-1)?.node ?? null };
}

/** The index of the last entry at or before `at` (ms), -1 before the first. */
export function entryAt(timeline: readonly TimelineEntry[], at: number): number {
  let index = -1;
  for (const [i, entry] of timeline.entries()) {
    if (Date.parse(entry.at) <= at) index = i;
    else break;
  }
  return index;
}
