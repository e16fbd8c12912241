import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { PathSoFar } from './path.ts';
import { transitionKey } from './transition-key.ts';
import type { WhatIfResult } from './what-if.ts';

/**
 * What the canvas shows of a simulation, apart from the sequence document (whose undo history
 * it must not touch): the path of the simulated contact up to the slider's moment, and the
 * "what if" counts. The panel writes it; step cards and links read their own bit.
 */
export interface SimulationMarks {
  open: boolean;
  path: PathSoFar | null;
  whatIf: WhatIfResult | null;
}

export const simulationMarks = createStore<SimulationMarks>()(() => ({
  open: false,
  path: null,
  whatIf: null,
}));

export function toggleSimulate(open = !simulationMarks.getState().open): void {
  simulationMarks.setState(open ? { open } : { open, path: null, whatIf: null });
}

export function useSimulateOpen(): boolean {
  return useStore(simulationMarks, (s) => s.open);
}

/** A step's marks: on the simulated path, where the contact is now, how many reach it. */
export interface StepMark {
  onPath: boolean;
  here: boolean;
  reached: number | null;
  of: number;
}

const none: StepMark = { onPath: false, here: false, reached: null, of: 0 };

export function useStepMark(id: string): StepMark {
  const onPath = useStore(simulationMarks, (s) => s.path?.nodes.has(id) ?? false);
  const here = useStore(simulationMarks, (s) => s.path?.here === id);
  const reached = useStore(simulationMarks, (s) => (s.whatIf ? (s.whatIf.reached[id] ?? 0) : null));
  const of = useStore(simulationMarks, (s) => s.whatIf?.count ?? 0);
  if (!onPath && !here && reached === null) return none;
  return { onPath, here, reached, of };
}

/** A link's marks: on the path, and of the contacts at its source, how many took it. */
export interface LinkMark {
  onPath: boolean;
  took: number | null;
  /** Share of its source's contacts, 0 to 1. */
  share: number | null;
}

export function useLinkMark(id: string, source: string, target: string): LinkMark {
  const onPath = useStore(simulationMarks, (s) => s.path?.links.has(id) ?? false);
  const took = useStore(simulationMarks, (s) =>
    s.whatIf ? (s.whatIf.moves[transitionKey(source, target)] ?? 0) : null,
  );
  const from = useStore(simulationMarks, (s) =>
    s.whatIf ? (s.whatIf.reached[source] ?? s.whatIf.count) : null,
  );
  return { onPath, took, share: took !== null && from ? took / from : null };
}

/** Closes the panel and clears the canvas marks (stories, between runs). */
export function closeSimulate(): void {
  toggleSimulate(false);
}
