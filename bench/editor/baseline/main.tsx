/**
 * The same-run baseline of `pnpm bench:editor`: React Flow alone, drawing the sequence with a
 * trivial node component. It opens a file through the same kind of input as the editor
 * (data-testid="open-file-input"), parses it and draws its steps and links: no validation, no
 * cards, no problems panel, no minimap. The canvas is set up as the editor's is (fit to view,
 * the same zoom limits, smoothstep links with arrows, off-screen elements skipped past 200
 * steps) and its state is kept as React Flow's guide shows (useState + applyNodeChanges), so
 * the gap between the two is the editor's own cost. Plain `createElement`: no JSX transform.
 */
import {
  applyEdgeChanges,
  applyNodeChanges,
  type Edge,
  type EdgeChange,
  Handle,
  MarkerType,
  type Node,
  type NodeChange,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface FileNode {
  id: string;
  type: string;
  position: { x: number; y: number };
}
interface FileEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string;
}
type StepData = { label: string; handles: Array<string | null> };

/** A label, a way in, and one way out per handle its links leave by. */
function Trivial({ data }: NodeProps<Node<StepData>>) {
  return h(
    'div',
    { className: 'trivial' },
    h(Handle, { type: 'target', position: Position.Top }),
    data.label,
    ...data.handles.map((id, i) =>
      h(Handle, {
        key: id ?? '',
        id,
        type: 'source',
        position: Position.Bottom,
        style: { left: `${((i + 1) * 100) / (data.handles.length + 1)}%` },
      }),
    ),
  );
}

const nodeTypes = { trivial: Trivial };
const LARGE_SEQUENCE = 200;

function toFlow(file: { nodes: FileNode[]; edges: FileEdge[] }) {
  const handles = new Map<string, Array<string | null>>();
  for (const edge of file.edges) {
    const list = handles.get(edge.source) ?? [];
    const handle = edge.sourceHandle ?? null;
    if (!list.includes(handle)) list.push(handle);
    handles.set(edge.source, list);
  }
  const nodes: Node<StepData>[] = file.nodes.map((node) => ({
    id: node.id,
    type: 'trivial',
    position: node.position,
    data: { label: `${node.type} ${node.id}`, handles: handles.get(node.id) ?? [] },
  }));
  const edges: Edge[] = file.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle ?? null,
    type: 'smoothstep',
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  }));
  return { nodes, edges };
}

function App() {
  const [flow, setFlow] = useState<{ nodes: Node<StepData>[]; edges: Edge[]; opened: number }>({
    nodes: [],
    edges: [],
    opened: 0,
  });
  const open = async (file: File) => {
    const parsed = JSON.parse(new TextDecoder().decode(await file.arrayBuffer()));
    setFlow((f) => ({ ...toFlow(parsed), opened: f.opened + 1 }));
  };
  return h(
    'div',
    { style: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100vh' } },
    h(
      'header',
      null,
      h('input', {
        type: 'file',
        'data-testid': 'open-file-input',
        onChange: (event: { currentTarget: HTMLInputElement }) => {
          const file = event.currentTarget.files?.[0];
          if (file) void open(file);
        },
      }),
    ),
    flow.opened > 0 &&
      h(ReactFlow<Node<StepData>, Edge>, {
        key: flow.opened,
        nodes: flow.nodes,
        edges: flow.edges,
        nodeTypes,
        onNodesChange: (changes: NodeChange<Node<StepData>>[]) =>
          setFlow((f) => ({ ...f, nodes: applyNodeChanges(changes, f.nodes) })),
        onEdgesChange: (changes: EdgeChange[]) =>
          setFlow((f) => ({ ...f, edges: applyEdgeChanges(changes, f.edges) })),
        nodesConnectable: false,
        fitView: true,
        fitViewOptions: { padding: 0.15, maxZoom: 1 },
        minZoom: 0.05,
        onlyRenderVisibleElements: flow.nodes.length > LARGE_SEQUENCE,
      }),
  );
}

const style = document.createElement('style');
style.textContent =
  'body { margin: 0; font: 13px system-ui, sans-serif; } .trivial { width: 260px; height: 112px; box-sizing: border-box; padding: 8px; border: 1px solid #94a3b8; border-radius: 8px; background: #fff; }';
document.head.append(style);

const root = document.getElementById('root');
if (root) createRoot(root).render(h(App));
