import { type InternalNode, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useSequence } from '../sequence/store.ts';
import { STEP_SIZE } from './layout.ts';

/** Centres the view on what the store asks for (a problem's node or edge), keeping a readable zoom. */
export function FocusOnRequest() {
  const focus = useSequence((s) => s.focus);
  const { getInternalNode, getEdge, setCenter, getZoom } = useReactFlow();
  useEffect(() => {
    if (!focus) return;
    let point: { x: number; y: number } | undefined;
    if (focus.kind === 'node') point = centre(getInternalNode(focus.id));
    else {
      const edge = getEdge(focus.id);
      const a = edge && centre(getInternalNode(edge.source));
      const b = edge && centre(getInternalNode(edge.target));
      if (a && b) point = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
    if (point) void setCenter(point.x, point.y, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
  }, [focus, getInternalNode, getEdge, setCenter, getZoom]);
  return null;
}

function centre(node: InternalNode | undefined): { x: number; y: number } | undefined {
  if (!node) return undefined;
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? STEP_SIZE.width;
  const height = node.measured.height ?? STEP_SIZE.height;
  return { x: x + width / 2, y: y + height / 2 };
}
