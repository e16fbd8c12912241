import type { Connection, Edge, FinalConnectionState, Node } from '@xyflow/react';
import { useCallback } from 'react';
import { connect, deleteSteps, disconnect, isRefusal } from '../commands/index.ts';
import { sequenceStore } from '../sequence/store.ts';
import type { LinkFlowEdge, StepFlowNode } from './flow-types.ts';

/**
 * The canvas's edits: drawing a link from a handle to a step, and deleting what is selected.
 * Both go through the commands, so the rules of the format hold (one link per handle, nothing
 * into the entry, no loop) and undo takes them back.
 */
export function useEditing() {
  /**
   * Every link dropped on a handle is tried: React Flow drops a link it is told is invalid
   * without a word, while connect() refuses what the format forbids (a loop, a second link from
   * a handle that can't be re-pointed...) and the refusal says why where it was dropped.
   */
  const isValidConnection = useCallback(() => true, []);

  const onConnect = useCallback((c: Connection) => dropLink(c), []);

  /**
   * A link let go on a step's card rather than on its handle goes to that step: a card is an
   * easier target, and the entry, which has no handle to drop on, then says why it takes no link
   * (React Flow drops such a link without a word).
   */
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || state.fromHandle?.type !== 'source') return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const card = document
        .elementFromPoint(point.clientX, point.clientY)
        ?.closest<HTMLElement>('.react-flow__node');
      const target = card?.dataset.id;
      if (!target || target === state.fromNode.id) return;
      dropLink({
        source: state.fromNode.id,
        sourceHandle: state.fromHandle.id ?? null,
        target,
        targetHandle: null,
      });
    },
    [],
  );

  /** Deleting with Delete or Backspace: steps (bridged when they sit on a path) and links. */
  const onBeforeDelete = useCallback(async (asked: { nodes: Node[]; edges: Edge[] }) => {
    const { stepIds, linkIds } = toDelete(asked);
    deleteSelection(stepIds, linkIds);
    // The document changed; React Flow must not remove anything itself.
    return false;
  }, []);

  return { isValidConnection, onConnect, onConnectEnd, onBeforeDelete };
}

/**
 * What Delete or Backspace deletes, as file ids: the selected steps, and the links the person
 * selected. React Flow also hands over every link touching a deleted step: those go with their
 * step (deleteSteps bridges the step's path first); deleting them as links first would leave
 * the path nothing to bridge.
 */
export function toDelete({ nodes, edges }: { nodes: Node[]; edges: Edge[] }): {
  stepIds: string[];
  linkIds: string[];
} {
  const deleted = new Set(nodes.map((n) => n.id));
  const linkIds = (edges as LinkFlowEdge[]).flatMap((e) =>
    e.data && (e.selected || !(deleted.has(e.source) || deleted.has(e.target)))
      ? [e.data.link.id]
      : [],
  );
  return { stepIds: nodes.map((n) => (n as StepFlowNode).data.step.id), linkIds };
}

/**
 * A link drawn from a handle and dropped on a step's handle: made (a handle already in use is
 * re-pointed: drawing a new link from it says where it goes now), or refused with the reason
 * shown where the pointer was let go.
 */
export function dropLink(c: Connection): void {
  sequenceStore.getState().edit((s) => connect(s, linkOf(c), { replace: true }), {
    ...(lastPointer ? { at: lastPointer } : {}),
  });
}

/** Deletes these steps and links in one undo step. */
export function deleteSelection(stepIds: string[], edgeIds: string[]): void {
  sequenceStore.getState().edit((s) => {
    // Links first: a deleted link must not be bridged over when its step goes too.
    const unlinked = edgeIds.length > 0 ? disconnect(s, edgeIds) : { sequence: s };
    if (isRefusal(unlinked) || stepIds.length === 0) return unlinked;
    return deleteSteps(unlinked.sequence, stepIds);
  });
}

function linkOf(c: Connection | Edge) {
  return { source: c.source, sourceHandle: c.sourceHandle ?? null, target: c.target };
}

/** Where the pointer last was, to say there why a link was refused. */
let lastPointer: { x: number; y: number } | undefined;
if (typeof window !== 'undefined')
  window.addEventListener(
    'pointerup',
    (e) => {
      lastPointer = { x: e.clientX, y: e.clientY };
    },
    { capture: true },
  );
