import {
  Background,
  ControlButton,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  Panel,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
  useStoreApi,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type MouseEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { Palette } from '../palette/Palette.tsx';
import { openSequenceSettings } from '../panel/panel-store.ts';
import { sequenceStore, useSequence } from '../sequence/store.ts';
import { CardTextProvider } from '../steps/card-text.tsx';
import { linkEdgeTypes } from '../steps/LinkEdge.tsx';
import { stepNodeTypes } from '../steps/node-types.ts';
import { Announcer } from './Announcer.tsx';
import { canvasAriaLabels } from './aria-labels.ts';
import { CanvasOverlays } from './CanvasOverlays.tsx';
import { FocusOnRequest } from './FocusOnRequest.tsx';
import type { LinkFlowEdge, StepFlowNode } from './flow-types.ts';
import { useLabelledFlow } from './labelled-flow.ts';
import { chooseMinimap, isMinimapShown, minimapChoice } from './minimap-choice.ts';
import { LARGE_SEQUENCE, openingArea, openingViewport } from './opening-view.ts';
import { openOverlay } from './overlay.ts';
import { RefusalNotice } from './RefusalNotice.tsx';
import { useCanvasKeys } from './use-canvas-keys.ts';
import { useEditing } from './use-editing.ts';
import { useStepDrop } from './use-step-drop.ts';
import { FIT_VIEW, useView } from './use-view.ts';
import '../ui/button.css';
import './canvas.css';

const DELETE_KEYS = ['Delete', 'Backspace'];
/** Shift-click adds a step to the selection, as Ctrl/Cmd-click does. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const closeSequenceSettings = () => openSequenceSettings(false);
const PRO_OPTIONS = { hideAttribution: true };

/**
 * The builder: the Steps palette beside the sequence on a React Flow canvas. A fresh canvas
 * per opened file, fitted to it. Keys: use-canvas-keys.ts; right-click menus and the step
 * search: CanvasOverlays.tsx.
 */
export function Canvas() {
  const openCount = useSequence((s) => s.openCount);
  return (
    <ReactFlowProvider key={openCount}>
      <Builder />
    </ReactFlowProvider>
  );
}

function Builder() {
  const scope = useRef<HTMLDivElement>(null);
  useCanvasKeys(scope);
  return (
    <div className="builder" ref={scope}>
      <Palette />
      <SequenceFlow />
      <CanvasOverlays />
      <Announcer />
    </div>
  );
}

function SequenceFlow() {
  const { t, i18n } = useTranslation();
  const { nodes, edges, changeNodes, changeEdges, editable } = useSequence(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      changeNodes: s.changeNodes,
      changeEdges: s.changeEdges,
      editable: s.editable,
    })),
  );
  const labelled = useLabelledFlow(nodes, edges);
  const opening = useOpening(nodes, edges);
  const minimapShown = useStore(minimapChoice, (s) => isMinimapShown(s.choice, nodes.length));
  const { isValidConnection, onConnect, onConnectEnd, onBeforeDelete } = useEditing();
  const drop = useStepDrop();
  const menus = useContextMenus();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels follow the language
  const ariaLabelConfig = useMemo(() => canvasAriaLabels(t), [t, i18n.language]);
  return (
    <CardTextProvider editable={editable}>
      <ReactFlow
        className="canvas"
        aria-label={t('canvas.label')}
        nodes={labelled.nodes}
        edges={labelled.edges}
        nodeTypes={stepNodeTypes}
        edgeTypes={linkEdgeTypes}
        onNodesChange={changeNodes}
        onEdgesChange={changeEdges}
        nodesConnectable={editable}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onBeforeDelete={onBeforeDelete}
        // Choosing a step shows its settings in the side panel, in place of the sequence's.
        onNodeClick={closeSequenceSettings}
        deleteKeyCode={editable ? DELETE_KEYS : null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        // Shift-drag on the canvas draws a box that selects the steps in it.
        selectionKeyCode="Shift"
        {...drop}
        {...menus}
        {...opening}
        minZoom={0.05}
        // Large sequences stay responsive when off-screen steps are not drawn.
        onlyRenderVisibleElements={nodes.length > LARGE_SEQUENCE}
        ariaLabelConfig={ariaLabelConfig}
        // React Flow's credit link was an English tab stop between the canvas and the step's
        // settings, on every page; it is credited in the README instead (MIT allows either).
        proOptions={PRO_OPTIONS}
      >
        <Background gap={24} color="#e2e8f0" />
        <Controls showInteractive={false}>
          <MinimapButton shown={minimapShown} />
        </Controls>
        {minimapShown && <MiniMap pannable zoomable nodeColor={miniMapColor} />}
        <Panel position="top-left">
          <TidyUpButton />
        </Panel>
        <FocusOnRequest />
        <RefusalNotice />
      </ReactFlow>
    </CardTextProvider>
  );
}

/**
 * How the canvas first shows a sequence (the canvas is new for each one opened): fitted whole,
 * or, when it is large, its beginning (opening-view.ts).
 */
function useOpening(nodes: StepFlowNode[], edges: LinkFlowEdge[]) {
  const [area] = useState(() =>
    nodes.length > LARGE_SEQUENCE ? openingArea(nodes, edges) : undefined,
  );
  const store = useStoreApi();
  return useMemo(() => {
    if (!area) return FITTED;
    return {
      onInit: (flow: ReactFlowInstance<StepFlowNode, LinkFlowEdge>) => {
        const { width, height } = store.getState();
        void flow.setViewport(openingViewport(area, { width, height }));
      },
    };
  }, [area, store]);
}

const FITTED = {
  fitView: true,
  fitViewOptions: { padding: FIT_VIEW.padding, maxZoom: FIT_VIEW.maxZoom },
} as const;

/** Right-click on a step (acting on the selection it is in), a link, or the canvas. */
function useContextMenus() {
  const view = useView();
  const onNodeContextMenu = useCallback((e: MouseEvent, node: Node) => {
    e.preventDefault();
    const { nodes, selectSteps } = sequenceStore.getState();
    if (!nodes.find((n) => n.id === node.id)?.selected) selectSteps([node.id]);
    openOverlay({
      kind: 'menu',
      target: { kind: 'step', stepId: (node as StepFlowNode).data.step.id },
      at: { x: e.clientX, y: e.clientY },
      opener: e.currentTarget instanceof HTMLElement ? e.currentTarget : null,
    });
  }, []);
  const onSelectionContextMenu = useCallback((e: MouseEvent, nodes: Node[]) => {
    e.preventDefault();
    const [first] = nodes as StepFlowNode[];
    if (!first) return;
    openOverlay({
      kind: 'menu',
      target: { kind: 'step', stepId: first.data.step.id },
      at: { x: e.clientX, y: e.clientY },
      opener: null,
    });
  }, []);
  const onEdgeContextMenu = useCallback((e: MouseEvent, edge: Edge) => {
    e.preventDefault();
    const link = (edge as LinkFlowEdge).data?.link;
    if (!link) return;
    openOverlay({
      kind: 'menu',
      target: { kind: 'link', edgeId: link.id },
      at: { x: e.clientX, y: e.clientY },
      opener: null,
    });
  }, []);
  const onPaneContextMenu = useCallback(
    (e: MouseEvent | globalThis.MouseEvent) => {
      e.preventDefault();
      const at = { x: e.clientX, y: e.clientY };
      openOverlay({
        kind: 'menu',
        target: { kind: 'canvas', point: view.toFlow(at) },
        at,
        opener: null,
      });
    },
    [view],
  );
  return useMemo(
    () => ({ onNodeContextMenu, onSelectionContextMenu, onEdgeContextMenu, onPaneContextMenu }),
    [onNodeContextMenu, onSelectionContextMenu, onEdgeContextMenu, onPaneContextMenu],
  );
}

/** Shows or hides the overview map (minimap-choice.ts). */
function MinimapButton({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  const label = shown ? t('canvas.hideMinimap') : t('canvas.showMinimap');
  return (
    <ControlButton
      onClick={() => chooseMinimap(!shown)}
      aria-label={label}
      aria-pressed={shown}
      title={label}
      data-testid="minimap-toggle"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path
          d="M1 3.5 5.5 2l5 1.5L15 2v10.5L10.5 14l-5-1.5L1 14Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinejoin="round"
        />
        <path d="M5.5 2v10.5M10.5 3.5V14" fill="none" stroke="currentColor" strokeWidth="1.4" />
      </svg>
    </ControlButton>
  );
}

function TidyUpButton() {
  const { t } = useTranslation();
  const tidyUp = useSequence((s) => s.tidyUp);
  const view = useView();
  return (
    <button
      type="button"
      className="button canvas__button"
      data-testid="tidy-up"
      title={t('canvas.tidyUpHint')}
      onClick={() => {
        tidyUp();
        view.fit();
      }}
    >
      {t('canvas.tidyUp')}
    </button>
  );
}

function miniMapColor(node: { data: Record<string, unknown> }): string {
  const problems = (node.data as { problems?: { errors: unknown[] } }).problems;
  return problems && problems.errors.length > 0 ? '#dc2626' : '#94a3b8';
}
