import type { NodeType } from './nodes.ts';

/** The outgoing handles of a node: named for branching nodes, one unnamed (null) for steps, none for exit. */
export function sourceHandles(node: { type: unknown; data?: unknown }): Array<string | null> {
  switch (node.type as NodeType) {
    case 'condition':
      return ['yes', 'no'];
    case 'wait_for':
      return ['met', 'timeout'];
    case 'split':
      return splitBranchIds(node.data);
    case 'exit':
      return [];
    default:
      return [null];
  }
}

/** Whether edges leave this type of node by named handles. */
export function isBranching(type: unknown): boolean {
  return type === 'condition' || type === 'wait_for' || type === 'split';
}

function splitBranchIds(data: unknown): string[] {
  const branches = (data as { branches?: unknown } | undefined)?.branches;
  if (!Array.isArray(branches)) return [];
  const ids: string[] = [];
  for (const b of branches) {
    const id = (b as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
