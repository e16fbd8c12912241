import type { Sequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { linkTargets, searchTargets } from './link-targets.ts';

const sequence = {
  format: 'nudge.sequence/v1',
  id: 's',
  name: 'S',
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    { id: 'mail', type: 'email', data: { subject: 'Hi', body: 'x', format: 'text', mode: 'auto' } },
    {
      id: 'ask',
      type: 'condition',
      data: { rule: { field: 'contact.tags', op: 'contains', value: 'vip' } },
    },
    { id: 'call', type: 'task', data: { kind: 'call', title: 'Call' } },
    { id: 'done', type: 'exit', data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'mail' },
    { id: 'e2', source: 'mail', target: 'ask' },
    { id: 'e3', source: 'ask', sourceHandle: 'yes', target: 'call' },
  ],
} as unknown as Sequence;

describe('linkTargets', () => {
  it('lists the steps a link may go to: not itself, not the entry, nothing that loops back', () => {
    expect(linkTargets(sequence, 'call').map((t) => t.id)).toEqual(['done']);
    // mail leads to ask: ask's "no" can't go back to it.
    expect(linkTargets(sequence, 'ask', 'no')).toEqual([
      { id: 'call', type: 'task' },
      { id: 'done', type: 'exit' },
    ]);
  });

  it('lists nothing from an exit', () => {
    expect(linkTargets(sequence, 'done')).toEqual([]);
  });
});

describe('searchTargets', () => {
  const targets = linkTargets(sequence, 'ask', 'no');
  const name = (type: string) => ({ task: 'Task', exit: 'Exit' })[type] ?? type;

  it('matches every word against the id, the type and its name', () => {
    expect(searchTargets(targets, '', name).map((t) => t.id)).toEqual(['call', 'done']);
    expect(searchTargets(targets, 'EXIT', name).map((t) => t.id)).toEqual(['done']);
    expect(searchTargets(targets, 'ca task', name).map((t) => t.id)).toEqual(['call']);
    expect(searchTargets(targets, 'nothing', name)).toEqual([]);
  });
});
