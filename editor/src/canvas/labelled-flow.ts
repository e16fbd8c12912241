import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkFlowEdge, StepFlowNode } from './flow-types.ts';

/**
 * Steps and links as screen readers announce them: React Flow names a node "node" and a link
 * "Edge from a to b", in English; here a step is "Email step welcome" with the role "step",
 * a link "Link from wait (Timeout) to call", in the UI's language.
 *
 * Labelled copies are cached by the store's objects, which the store keeps while a step or
 * link is unchanged: React Flow sees the same objects and redraws only what changed.
 */
export function useLabelledFlow(
  nodes: StepFlowNode[],
  edges: LinkFlowEdge[],
): { nodes: StepFlowNode[]; edges: LinkFlowEdge[] } {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language labels afresh
  const cache = useMemo(
    () => ({
      nodes: new WeakMap<StepFlowNode, StepFlowNode>(),
      edges: new WeakMap<LinkFlowEdge, LinkFlowEdge>(),
    }),
    [t, i18n.language],
  );
  const labelledNodes = useMemo(
    () => nodes.map((n) => cached(cache.nodes, n, () => labelStep(n, t))),
    [nodes, cache, t],
  );
  // Not redone as steps move: a drag changes the steps on every frame, never the links.
  const labelledEdges = useMemo(
    () => edges.map((e) => cached(cache.edges, e, () => labelLink(e, t))),
    [edges, cache, t],
  );
  return { nodes: labelledNodes, edges: labelledEdges };
}

function cached<K extends object>(cache: WeakMap<K, K>, key: K, make: () => K): K {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export function labelStep(node: StepFlowNode, t: TFunction): StepFlowNode {
  const { step } = node.data;
  const type = t(`step.types.${step.type}`);
  return {
    ...node,
    ariaLabel: t('build.aria.step', { type, id: step.id }),
    domAttributes: { 'aria-roledescription': t('build.aria.stepRole') },
  };
}

export function labelLink(edge: LinkFlowEdge, t: TFunction): LinkFlowEdge {
  const handle = edge.sourceHandle ?? null;
  const ariaLabel =
    handle === null
      ? t('build.aria.link', { source: edge.source, target: edge.target })
      : t('build.aria.linkFromHandle', {
          source: edge.source,
          target: edge.target,
          // The handles of conditions and waits have names in the UI's language; a split's
          // are the branch ids the author chose.
          handle: NAMED_HANDLES.has(handle) ? t(`step.handles.${handle as NamedHandle}`) : handle,
        });
  return {
    ...edge,
    ariaLabel,
    domAttributes: { 'aria-roledescription': t('build.aria.linkRole') },
  };
}

type NamedHandle = 'yes' | 'no' | 'met' | 'timeout';
const NAMED_HANDLES: ReadonlySet<string> = new Set<NamedHandle>(['yes', 'no', 'met', 'timeout']);
