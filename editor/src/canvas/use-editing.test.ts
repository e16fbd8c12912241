import type { Sequence } from '@nudge/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { sequenceStore } from '../sequence/store.ts';
import { deleteSelection, dropLink, toDelete } from './use-editing.ts';

/** start → wait → hello, and hello → bye. */
const chain = {
  format: 'nudge.sequence/v1',
  id: 'chain',
  name: 'Chain',
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    { id: 'wait', type: 'delay', data: { amount: 1, unit: 'days' } },
    {
      id: 'hello',
      type: 'email',
      data: { subject: 'Hi', body: 'Hi', format: 'text', mode: 'auto' },
    },
    { id: 'bye', type: 'exit', data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'wait' },
    { id: 'e2', source: 'wait', target: 'hello' },
    { id: 'e3', source: 'hello', target: 'bye' },
  ],
};

beforeEach(() => {
  sequenceStore.setState(sequenceStore.getInitialState(), true);
  sequenceStore.getState().openValue('chain.json', chain);
});

/** What React Flow hands onBeforeDelete: the selected nodes and edges, and every edge touching those nodes. */
function asked(nodeIds: string[], edgeIds: string[]) {
  const { nodes, edges } = sequenceStore.getState();
  const doomed = nodes.filter((n) => nodeIds.includes(n.id));
  return {
    nodes: doomed,
    edges: edges
      .filter(
        (e) => edgeIds.includes(e.id) || nodeIds.includes(e.source) || nodeIds.includes(e.target),
      )
      .map((e) => (edgeIds.includes(e.id) ? { ...e, selected: true } : e)),
  };
}

const linksOf = () =>
  ((sequenceStore.getState().file as unknown as Sequence).edges ?? []).map(
    (e) => `${e.source}→${e.target}`,
  );

describe('deleting with Delete or Backspace', () => {
  it('deletes a step on a path with its links, bridging the path, not the links on their own', () => {
    const { stepIds, linkIds } = toDelete(asked(['wait'], []));
    expect(stepIds).toEqual(['wait']);
    expect(linkIds).toEqual([]);
    deleteSelection(stepIds, linkIds);
    expect(linksOf()).toEqual(['start→hello', 'hello→bye']);
  });

  it('deletes the links the person selected, even beside a deleted step: that step is not bridged', () => {
    const { stepIds, linkIds } = toDelete(asked(['wait'], ['e2']));
    expect(linkIds).toEqual(['e2']);
    deleteSelection(stepIds, linkIds);
    expect(linksOf()).toEqual(['hello→bye']);
  });

  it('deletes a selected link alone', () => {
    const { stepIds, linkIds } = toDelete(asked([], ['e3']));
    expect({ stepIds, linkIds }).toEqual({ stepIds: [], linkIds: ['e3'] });
  });
});

describe('drawing a link from a handle', () => {
  const drop = (source: string, target: string) =>
    dropLink({ source, sourceHandle: null, target, targetHandle: null });

  it('makes a link the format allows, re-pointing the handle it leaves', () => {
    drop('start', 'hello');
    expect(linksOf()).toEqual(['start→hello', 'wait→hello', 'hello→bye']);
    expect(sequenceStore.getState().refusal).toBeNull();
  });

  it('refuses a loop, saying why, and changes nothing', () => {
    const before = sequenceStore.getState().file;
    drop('hello', 'wait');
    expect(sequenceStore.getState().refusal).toMatchObject({ refused: 'cycle' });
    expect(sequenceStore.getState().file).toBe(before);
  });
});
