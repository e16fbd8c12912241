import type { Sequence } from '@nudge/schema';
import { findTemplates, type TemplateChannel } from '../db/templates.ts';
import type { Sql, Tx } from '../db/types.ts';
import { ApiError } from '../errors.ts';
import { isObject } from '../json-body.ts';
import { CONTENT_FIELDS } from './templates-body.ts';

/** A step of the draft linked to a template, and what publishing now does with it. */
export interface LinkedStep {
  node: string;
  templateId: string;
  /** The template's name now; null when the workspace has no such template. */
  name: string | null;
  /** Whether the version gets content other than the draft's copy (the template was edited). */
  changed: boolean;
  /** Why the step can't be refreshed: no such template, or one of another channel. */
  problem?: string;
}

const CHANNELS: readonly string[] = ['email', 'sms', 'kakao'];

/**
 * The draft with each linked step's content taken from its template as it is now (issue 14
 * §1a): what a publish freezes into the new version. The draft keeps its own copy, so the file
 * stands alone; the published version never changes after. Steps whose link is broken keep
 * their copy and are reported with a `problem` (a publish refuses them: refuseBrokenLinks).
 */
export async function refreshLinkedSteps(
  sql: Sql | Tx,
  workspace: string,
  draft: Sequence,
): Promise<{ sequence: Sequence; linked: LinkedStep[] }> {
  const nodes: unknown[] = Array.isArray(draft.nodes) ? draft.nodes : [];
  const links = nodes.flatMap((node) => {
    if (!isObject(node) || !CHANNELS.includes(node.type as string) || !isObject(node.data))
      return [];
    const link = node.data.template;
    return isObject(link) && typeof link.id === 'string' ? [link.id] : [];
  });
  if (links.length === 0) return { sequence: draft, linked: [] };
  const templates = await findTemplates(sql, workspace, [...new Set(links)]);
  const linked: LinkedStep[] = [];
  const refreshed = nodes.map((node) => {
    if (!isObject(node) || !CHANNELS.includes(node.type as string) || !isObject(node.data))
      return node;
    const data = node.data;
    const link = data.template;
    if (!isObject(link) || typeof link.id !== 'string') return node;
    const step = { node: String(node.id), templateId: link.id };
    const template = templates.get(link.id);
    if (!template) {
      linked.push({ ...step, name: null, changed: false, problem: 'no such template' });
      return node;
    }
    const channel = node.type as TemplateChannel;
    if (template.channel !== channel) {
      linked.push({
        ...step,
        name: template.name,
        changed: false,
        problem: `template "${template.name}" is for ${template.channel}, not ${channel}`,
      });
      return node;
    }
    const fields = CONTENT_FIELDS[channel];
    const kept = Object.fromEntries(Object.entries(data).filter(([key]) => !fields.includes(key)));
    const next = { ...kept, ...template.content, template: { id: link.id, name: template.name } };
    const changed = fields.some(
      (field) => JSON.stringify(data[field]) !== JSON.stringify(template.content[field]),
    );
    linked.push({ ...step, name: template.name, changed });
    return { ...node, data: next };
  });
  return { sequence: { ...draft, nodes: refreshed } as Sequence, linked };
}

/** 422 `template_link_broken` when a linked step can't be refreshed, naming each. */
export function refuseBrokenLinks(draft: Sequence, linked: LinkedStep[]): void {
  const broken = linked.filter((step) => step.problem !== undefined);
  if (broken.length === 0) return;
  const index = (node: string) => draft.nodes.findIndex((n) => n.id === node);
  const problems = broken.map((step) => ({
    node: step.node,
    pointer: `/nodes/${index(step.node)}/data/template/id`,
    message: `step "${step.node}" links template "${step.templateId}": ${step.problem}`,
  }));
  throw new ApiError(
    422,
    'template_link_broken',
    `${problems[0]?.message}. Link the step to another template, or unlink it, and save the draft before publishing`,
    { problems },
  );
}
