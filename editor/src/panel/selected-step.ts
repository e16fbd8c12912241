import type { Problem } from '@nudge/schema';
import { isObject } from '../sequence/file.ts';
import type { SequenceStore } from '../sequence/store.ts';

/** The one selected step, as the settings panel edits it; none when 0 or several are selected. */
export interface SelectedStep {
  id: string;
  type: string;
  data: unknown;
  /** Its index in the document's nodes, for its JSON pointer. */
  index: number;
}

/** The canvas key of the single selected step, or null: cheap, and stable while dragging. */
export function selectedStepKey(s: SequenceStore): string | null {
  let found: string | null = null;
  for (const n of s.nodes) {
    if (!n.selected) continue;
    if (found !== null) return null;
    found = n.id;
  }
  return found;
}

/** The step behind a canvas key, read from the document as it now is. */
export function stepAt(s: SequenceStore, key: string | null): SelectedStep | null {
  if (key === null) return null;
  const node = s.nodes.find((n) => n.id === key);
  const nodes = Array.isArray(s.file?.nodes) ? s.file.nodes : [];
  const index = node?.data.step.index;
  const raw = index === undefined ? undefined : nodes[index];
  if (index === undefined || !isObject(raw) || typeof raw.id !== 'string') return null;
  return { id: raw.id, type: String(raw.type), data: raw.data, index };
}

/** The problems about a step: those under its pointer, or naming it without a pointer into another. */
export function problemsOfStep(problems: Problem[], index: number): Problem[] {
  const pointer = `/nodes/${index}`;
  return problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
}
