import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { openSequenceSettings } from '../panel/panel-store.ts';
import { useSequence } from '../sequence/store.ts';
import { stepNodeTypes } from '../steps/node-types.ts';
import { FocusOnRequest } from './FocusOnRequest.tsx';
import { RefusalNotice } from './RefusalNotice.tsx';
import { useEditing } from './use-editing.ts';
import '../ui/button.css';
import './canvas.css';

const LARGE_SEQUENCE = 200;
const DELETE_KEYS = ['Delete', 'Backspace'];
const closeSequenceSettings = () => openSequenceSettings(false);

/** The sequence on a React Flow canvas. A fresh canvas per opened file, fitted to it. */
export function Canvas() {
  const openCount = useSequence((s) => s.openCount);
  return (
    <ReactFlowProvider key={openCount}>
      <SequenceFlow />
    </ReactFlowProvider>
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
  const { isValidConnection, onConnect, onBeforeDelete } = useEditing();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels follow the language
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.stepHint'),
      'edge.a11yDescription.default': t('canvas.linkHint'),
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.handle'),
    }),
    [t, i18n.language],
  );
  return (
    <ReactFlow
      className="canvas"
      aria-label={t('canvas.label')}
      nodes={nodes}
      edges={edges}
      nodeTypes={stepNodeTypes}
      onNodesChange={changeNodes}
      onEdgesChange={changeEdges}
      nodesConnectable={editable}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onBeforeDelete={onBeforeDelete}
      // Choosing a step shows its settings in the side panel, in place of the sequence's.
      onNodeClick={closeSequenceSettings}
      deleteKeyCode={editable ? DELETE_KEYS : null}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
      minZoom={0.05}
      // Large sequences stay responsive when off-screen steps are not drawn.
      onlyRenderVisibleElements={nodes.length > LARGE_SEQUENCE}
      ariaLabelConfig={ariaLabelConfig}
    >
      <Background gap={24} color="#e2e8f0" />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable nodeColor={miniMapColor} />
      <Panel position="top-left">
        <TidyUpButton />
      </Panel>
      <FocusOnRequest />
      <RefusalNotice />
    </ReactFlow>
  );
}

function TidyUpButton() {
  const { t } = useTranslation();
  const tidyUp = useSequence((s) => s.tidyUp);
  const { fitView } = useReactFlow();
  return (
    <button
      type="button"
      className="button canvas__button"
      data-testid="tidy-up"
      title={t('canvas.tidyUpHint')}
      onClick={() => {
        tidyUp();
        // Fit once React Flow has drawn the steps at their new places.
        requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1, duration: 300 }));
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
