import { NODE_TYPES } from '@nudge/schema';
import type { NodeTypes } from '@xyflow/react';
import { StepNode } from './StepNode.tsx';

/**
 * React Flow's node components by step type. Every type uses the step shell; what differs
 * per type (summary, icon, colour, handles) lives in summary.ts, StepIcon.tsx, step.css and
 * handles.ts. Defined once, outside components, as React Flow requires.
 */
export const stepNodeTypes: NodeTypes = Object.fromEntries(
  [...NODE_TYPES, 'unknown'].map((type) => [type, StepNode]),
);
