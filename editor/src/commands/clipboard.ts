import {
  NODE_TYPES,
  type NodeType,
  type Sequence,
  type SequenceEdge,
  type SequenceNode,
} from '@nudge/schema';
import { edgesOf, idOf, isObject, stepsOf } from './read.ts';

/**
 * Steps on the clipboard, as JSON text, so they paste into another sequence or another tab:
 * the steps (never the entry) and the edges between them.
 */
export const CLIPBOARD_FORMAT = 'nudge.steps/v1';

export interface Clipboard {
  format: typeof CLIPBOARD_FORMAT;
  nodes: SequenceNode[];
  edges: SequenceEdge[];
}

/** A step that can be copied and pasted: a known type other than the entry, with data. */
export function isCopyable(node: unknown): node is SequenceNode {
  return (
    isObject(node) &&
    typeof node.id === 'string' &&
    node.type !== 'entry' &&
    NODE_TYPES.includes(node.type as NodeType) &&
    isObject(node.data)
  );
}

/**
 * The steps with these ids (the first of a repeated id) and the edges between them, in the
 * sequence's order. They are the document's own objects: the document is never changed,
 * and pasting copies them.
 */
export function copySteps(sequence: Sequence, stepIds: string[]): Clipboard {
  const wanted = new Set(stepIds);
  const seen = new Set<string>();
  const nodes = stepsOf(sequence).filter((node) => {
    const id = idOf(node);
    if (id === undefined || seen.has(id)) return false;
    seen.add(id);
    return wanted.has(id) && isCopyable(node);
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges = edgesOf(sequence).filter(
    (e) => isObject(e) && typeof e.id === 'string' && ids.has(e.source) && ids.has(e.target),
  );
  return { format: CLIPBOARD_FORMAT, nodes, edges };
}
