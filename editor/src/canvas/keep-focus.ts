import type { LinkFlowEdge, StepFlowNode } from './flow-types.ts';

/**
 * Where keyboard focus goes when the step or link that has it leaves the canvas (Delete, an
 * undo that takes back the insert, a cut): a neighbour on the canvas, never the page's body,
 * where the next Tab would start again from the toolbar.
 *
 * - a step: the step that led into it, else the one it led on to, else a selected step;
 * - a link: the step it left, else the one it led to.
 *
 * `before` and `after` are the canvas's steps and links before and after the change; the
 * answer is a step's canvas key, or undefined when the focused thing is still there (or
 * nothing is left to go to).
 */
export interface Drawn {
  nodes: readonly Pick<StepFlowNode, 'id' | 'selected'>[];
  edges: readonly Pick<LinkFlowEdge, 'id' | 'source' | 'target'>[];
}

export type Focused = { kind: 'step' | 'link'; key: string };

export function focusAfterRemoval(
  focused: Focused,
  before: Drawn,
  after: Drawn,
): string | undefined {
  const stays = (key: string) => after.nodes.some((n) => n.id === key);
  if (focused.kind === 'link') {
    if (after.edges.some((e) => e.id === focused.key)) return undefined;
    const link = before.edges.find((e) => e.id === focused.key);
    return [link?.source, link?.target].find((key): key is string => !!key && stays(key));
  }
  if (stays(focused.key)) return undefined;
  const into = before.edges.filter((e) => e.target === focused.key).map((e) => e.source);
  const onTo = before.edges.filter((e) => e.source === focused.key).map((e) => e.target);
  return [...into, ...onTo].find(stays) ?? after.nodes.find((n) => n.selected)?.id ?? undefined;
}

/** The step or link an element belongs to on the canvas, if any. */
export function focusedOnCanvas(element: Element | null): Focused | undefined {
  const step = element?.closest<HTMLElement>('.react-flow__node[data-id]');
  if (step?.dataset.id) return { kind: 'step', key: step.dataset.id };
  const link = element?.closest<SVGElement | HTMLElement>('.react-flow__edge[data-id]');
  const key = link?.getAttribute('data-id');
  if (key) return { kind: 'link', key };
  return undefined;
}
