import { FORMAT_V1, type Sequence, type SequenceNode, type Settings } from '@nudge/schema';

/** Test support: small sequences written as a chain of steps, plus branch edges where needed. */

type Step = SequenceNode;

const entry: Step = { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } };

/**
 * A sequence: `start` then `steps` in a line. A step written as `[step, handle]` is linked from
 * the previous step by that handle; `extra` adds edges (source, handle, target).
 */
export function chain(
  settings: Settings,
  steps: Array<Step | [Step, string]>,
  extra: Array<[string, string | null, string]> = [],
): Sequence {
  const nodes: Step[] = [entry];
  const edges: Sequence['edges'] = [];
  for (const item of steps) {
    const [node, handle] = Array.isArray(item) ? item : [item, null];
    const previous = nodes[nodes.length - 1] as Step;
    edges.push({
      id: `e${edges.length + 1}`,
      source: previous.id,
      target: node.id,
      ...(handle ? { sourceHandle: handle } : {}),
    });
    nodes.push(node);
  }
  for (const [source, handle, target] of extra)
    edges.push({
      id: `e${edges.length + 1}`,
      source,
      target,
      ...(handle ? { sourceHandle: handle } : {}),
    });
  return { format: FORMAT_V1, name: 'Test sequence', settings, nodes, edges } as Sequence;
}

export const email = (
  id: string,
  subject: string,
  body = '<p>안녕하세요 {{고객명}}님</p>',
): Step => ({
  id,
  type: 'email',
  data: { subject, body, format: 'html', mode: 'auto' },
});

export const delay = (
  id: string,
  amount: number,
  unit: 'minutes' | 'hours' | 'days' | 'weeks' | 'businessDays',
): Step => ({
  id,
  type: 'delay',
  data: { amount, unit },
});

export const sender = { name: 'Nudge', email: 'team@nudge.test' };

/** A Korean B2B contact in Seoul. */
export const minjun = {
  id: 'c1',
  email: 'minjun@hanbit.example',
  phone: '+821012345678',
  name: '김민준',
  company: '한빛물류',
  title: 'CTO',
  timezone: 'Asia/Seoul',
  owner: { name: '이서연', email: 'seoyeon@nudge.test' },
  attributes: { contract_end_date: '2026-03-31' },
};

export const at = (iso: string) => Date.parse(iso);
