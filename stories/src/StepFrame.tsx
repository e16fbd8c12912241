import {
  CardTextProvider,
  problemsByTarget,
  readSteps,
  stepNode,
  stepNodeTypes,
} from '@nudge/editor';
import type { Problem } from '@nudge/schema';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';

export interface StepFrameProps {
  /** A node as written in a sequence file. */
  node: { id: string; type: string; data: unknown };
  selected?: boolean;
  /** Problems as the validator reports them; those naming this node decorate it. */
  problems?: Problem[];
  /** Handles that links use but the step doesn't have. */
  strayHandles?: Array<string | null>;
}

/**
 * One step on a small canvas: the real node component inside React Flow, so handles,
 * selection and measuring behave as in the editor.
 */
export function StepFrame({
  node,
  selected = false,
  problems = [],
  strayHandles = [],
}: StepFrameProps) {
  const [step] = readSteps({ nodes: [node] });
  if (!step) throw new Error('StepFrame needs a node with an id');
  const flowNode = {
    ...stepNode(step, { x: 0, y: 0 }, problemsByTarget(problems).nodes.get(step.id), {
      sources: strayHandles,
      target: false,
    }),
    selected,
  };
  return (
    <ReactFlowProvider>
      <CardTextProvider editable={false}>
        <div style={{ width: 440, height: 280 }}>
          <ReactFlow
            defaultNodes={[flowNode]}
            nodeTypes={stepNodeTypes}
            nodesConnectable={false}
            fitView
            fitViewOptions={{ maxZoom: 1.25 }}
          />
        </div>
      </CardTextProvider>
    </ReactFlowProvider>
  );
}
