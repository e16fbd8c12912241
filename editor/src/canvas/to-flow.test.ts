import { validateSequence } from '@nudge/schema';
import coldMail from '@nudge/schema/examples/cold-mail.json';
import onboarding from '@nudge/schema/examples/onboarding.json';
import { describe, expect, it } from 'vitest';
import { overlaps } from './layout.ts';
import { toFlow } from './to-flow.ts';

const problemsOf = (file: unknown) => {
  const { errors, warnings } = validateSequence(file);
  return [...errors, ...warnings];
};

describe('toFlow', () => {
  it('turns every node and edge of a valid file into the canvas, edges on their handles', () => {
    const { nodes, edges } = toFlow(onboarding, []);
    expect(nodes.map((n) => n.id)).toEqual(onboarding.nodes.map((n) => n.id));
    expect(nodes.find((n) => n.id === 'ab-test')?.type).toBe('split');
    expect(edges).toHaveLength(onboarding.edges.length);
    expect(edges.find((e) => e.id === 'e3')).toMatchObject({
      source: 'opened-welcome',
      target: 'is-executive',
      sourceHandle: 'met',
    });
    expect(edges.find((e) => e.id === 'e1')?.sourceHandle).toBeNull();
  });

  it('lays out a file without positions so that no steps overlap', () => {
    const { nodes } = toFlow(onboarding, []);
    for (const [i, a] of nodes.entries())
      for (const b of nodes.slice(i + 1)) expect(overlaps(a.position, b.position)).toBe(false);
  });

  it('keeps the positions a file gives', () => {
    const { nodes } = toFlow(coldMail, []);
    expect(nodes.map((n) => n.position)).toEqual(coldMail.nodes.map((n) => n.position));
  });

  it('shows what it can of a broken file, with stray handles, and attaches problems to their steps', () => {
    const file = {
      format: 'nudge.sequence/v1',
      name: 'broken',
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        { id: 'check', type: 'condition', data: { rule: { event: 'opened' } } },
        { id: 'mystery', type: 'carrier_pigeon', data: {} },
        { id: 'check', type: 'exit', data: {} },
        { type: 'exit', data: {} },
        'not a node',
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'check' },
        { id: 'e2', source: 'check', sourceHandle: 'yes', target: 'mystery' },
        { id: 'e3', source: 'check', sourceHandle: 'maybe', target: 'mystery' },
        { id: 'e4', source: 'mystery', target: 'ghost' },
        { id: 'e5', source: 'mystery', target: 'start' },
        { id: 'e2', source: 'start', target: 'mystery' },
        { id: 'e6', source: 'start', sourceHandle: 'yes', target: 'mystery' },
      ],
    };
    const { nodes, edges } = toFlow(file, problemsOf(file));
    // A repeated id is drawn too, under an id no node of the file can have.
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ['start', 'entry'],
      ['check', 'condition'],
      ['mystery', 'unknown'],
      ['check#3', 'exit'],
    ]);
    // Edges with a missing end are left out; the rest are drawn, repeated ids too.
    expect(edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e5', 'e2#5', 'e6']);
    // Links lead to the first node with an id.
    expect(edges.find((e) => e.id === 'e1')?.target).toBe('check');
    // Handles the edges use but the steps don't have are drawn as stray handles.
    const byId = new Map(nodes.map((n) => [n.id, n.data.stray]));
    expect(byId.get('check')).toEqual({ sources: ['maybe'], target: false });
    expect(byId.get('start')).toEqual({ sources: ['yes'], target: true });
    expect(byId.get('mystery')).toEqual({ sources: [], target: false });
    const mystery = nodes.find((n) => n.id === 'mystery');
    expect(mystery?.data.problems.errors.length).toBeGreaterThan(0);
    expect(nodes.find((n) => n.id === 'start')?.data.problems.errors).toEqual([]);
  });

  it('gives nothing for a file without nodes or edges', () => {
    expect(toFlow({ nodes: 'no', edges: 42 }, [])).toMatchObject({ nodes: [], edges: [] });
  });
});
