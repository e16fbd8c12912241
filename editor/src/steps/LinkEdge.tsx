import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  type EdgeTypes,
  getSmoothStepPath,
} from '@xyflow/react';
import { memo } from 'react';
import type { LinkFlowEdge } from '../canvas/flow-types.ts';
import { openOverlay, useIsDropLink } from '../canvas/overlay.ts';
import { LinkSplit } from '../simulate/marks.tsx';
import { useLinkMark } from '../simulate/store.ts';
import { useCardText } from './card-text.tsx';
import './link.css';

/**
 * A link between two steps: React Flow's smooth-step line, and at its middle a "+" button,
 * **Insert step here**, opening the step search to insert a step into it (from the keyboard:
 * `/` on the focused link, see canvas/use-canvas-keys.ts). The line is
 * highlighted while a palette item dragged over it would be dropped into it.
 *
 * Test hooks: the button is data-testid="insert-step" with data-edge-id (the link's canvas id).
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<LinkFlowEdge>) {
  const { t, editable } = useCardText();
  const dropping = useIsDropLink(props.id);
  const mark = useLinkMark(props.id, props.source, props.target);
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
  });
  const link = props.data?.link;
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
        {...(props.interactionWidth !== undefined
          ? { interactionWidth: props.interactionWidth }
          : {})}
        className={dropping ? 'link__path--drop' : mark.onPath ? 'link__path--on-path' : undefined}
      />
      <LinkSplit mark={mark} x={labelX} y={labelY} />
      {editable && link && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`link__insert nodrag nopan${dropping ? ' link__insert--drop' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="insert-step"
            data-edge-id={props.id}
            aria-label={t('build.insertHere')}
            // A mouse target: from the keyboard, the link itself is the tab stop, and / on
            // it opens the same search (one stop per link, not two, before the steps).
            tabIndex={-1}
            title={t('build.insertHereHint', { source: props.source, target: props.target })}
            onClick={(e) => {
              const box = e.currentTarget.getBoundingClientRect();
              openOverlay({
                kind: 'search',
                placement: { onEdge: link.id },
                at: { x: box.left + box.width / 2, y: box.bottom + 6 },
                opener: e.currentTarget,
              });
            }}
          >
            <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <path d="M6 2v8M2 6h8" />
            </svg>
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/** React Flow's edge components by type; defined once, outside components. */
export const linkEdgeTypes: EdgeTypes = { link: LinkEdge };
