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
  return labellerOf(t).step(node);
}

export function labelLink(edge: LinkFlowEdge, t: TFunction): LinkFlowEdge {
  return labellerOf(t).link(edge);
}

/**
 * Each sentence is translated once per step type or handle, with marks where the ids go, and
 * the ids are put in after: i18next's interpolation for each of 2,000 steps and their links took
 * over 300 ms of opening the largest file (bench:editor).
 */
interface Labeller {
  step(node: StepFlowNode): StepFlowNode;
  link(edge: LinkFlowEdge): LinkFlowEdge;
}

/** Stand-ins for the ids: a private-use character, which no translation holds, and a letter. */
const MARK = { id: '\uE000I', source: '\uE000S', target: '\uE000T' } as const;
const MARKS = /\uE000([IST])/g;

function fill(template: string, ids: { I?: string; S?: string; T?: string }): string {
  // A function, not a string: an id's "$&" must stay as written.
  return template.replace(MARKS, (_, key: 'I' | 'S' | 'T') => ids[key] ?? '');
}

const labellers = new WeakMap<TFunction, Labeller>();

function labellerOf(t: TFunction): Labeller {
  let labeller = labellers.get(t);
  if (labeller) return labeller;
  const steps = new Map<string, string>();
  const links = new Map<string | null, string>();
  const stepRole = { 'aria-roledescription': t('build.aria.stepRole') };
  const linkRole = { 'aria-roledescription': t('build.aria.linkRole') };
  const stepTemplate = (type: string) => {
    let template = steps.get(type);
    if (template === undefined) {
      template = t('build.aria.step', { type: t(`step.types.${type as 'email'}`), id: MARK.id });
      steps.set(type, template);
    }
    return template;
  };
  const linkTemplate = (handle: string | null) => {
    let template = links.get(handle);
    if (template === undefined) {
      const ends = { source: MARK.source, target: MARK.target };
      template =
        handle === null
          ? t('build.aria.link', ends)
          : t('build.aria.linkFromHandle', {
              ...ends,
              // The handles of conditions and waits have names in the UI's language; a split's
              // are the branch ids the author chose.
              handle: NAMED_HANDLES.has(handle)
                ? t(`step.handles.${handle as NamedHandle}`)
                : handle,
            });
      links.set(handle, template);
    }
    return template;
  };
  labeller = {
    step: (node) => ({
      ...node,
      ariaLabel: fill(stepTemplate(node.data.step.type), { I: node.data.step.id }),
      domAttributes: stepRole,
    }),
    link: (edge) => ({
      ...edge,
      ariaLabel: fill(linkTemplate(edge.sourceHandle ?? null), {
        S: edge.source,
        T: edge.target,
      }),
      domAttributes: linkRole,
    }),
  };
  labellers.set(t, labeller);
  return labeller;
}

type NamedHandle = 'yes' | 'no' | 'met' | 'timeout';
const NAMED_HANDLES: ReadonlySet<string> = new Set<NamedHandle>(['yes', 'no', 'met', 'timeout']);
