import type { Problem } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { BY_IDS, ProblemTargets } from './targets.ts';

const problem = (p: Partial<Problem>): Problem => ({
  severity: 'error',
  code: 'invalid_value',
  message: '',
  pointer: '',
  ...p,
});

// Two nodes "wait" (at 2 and 7; the second drawn as "wait#7"), and two edges "e5".
const targets = new ProblemTargets(
  [
    { key: 'start', id: 'start', index: 0 },
    { key: 'wait', id: 'wait', index: 2 },
    { key: 'wait#7', id: 'wait', index: 7 },
  ],
  [
    { key: 'e5', id: 'e5', index: 4 },
    { key: 'e5#5', id: 'e5', index: 5 },
  ],
);

describe('ProblemTargets', () => {
  it('goes by the index in the pointer first', () => {
    expect(targets.node(problem({ pointer: '/nodes/7/data/unit', nodeId: 'wait' }))).toBe('wait#7');
    expect(targets.node(problem({ pointer: '/nodes/2', nodeId: 'wait' }))).toBe('wait');
    expect(targets.edge(problem({ pointer: '/edges/5/id', edgeId: 'e5' }))).toBe('e5#5');
  });

  it('goes by id when the pointer is elsewhere or its item is not drawn', () => {
    expect(targets.node(problem({ pointer: '/nodes/9/id', nodeId: 'wait' }))).toBe('wait');
    expect(targets.node(problem({ pointer: '/edges/5', nodeId: 'start' }))).toBe('start');
    expect(targets.node(problem({ pointer: '/nodes/3' }))).toBeUndefined();
    expect(targets.node(problem({ nodeId: 'ghost' }))).toBeUndefined();
    expect(targets.nodeWithId('wait')).toBe('wait');
  });

  it('selects the edge for a pointer into the edges, else the node', () => {
    const both = problem({ pointer: '/edges/5', nodeId: 'start', edgeId: 'e5' });
    expect(targets.subject(both)).toEqual({ kind: 'edge', id: 'e5#5' });
    expect(targets.all(both)).toEqual([
      { kind: 'node', id: 'start' },
      { kind: 'edge', id: 'e5#5' },
    ]);
    expect(targets.subject(problem({ pointer: '/nodes/7/id', nodeId: 'wait' }))).toEqual({
      kind: 'node',
      id: 'wait#7',
    });
    expect(targets.subject(problem({ pointer: '/settings' }))).toBeUndefined();
  });

  it('BY_IDS takes the ids as canvas ids (a story with one step)', () => {
    expect(BY_IDS.node(problem({ pointer: '/nodes/5', nodeId: 'orphan' }))).toBe('orphan');
    expect(BY_IDS.edge(problem({ pointer: '/nodes/5', nodeId: 'orphan' }))).toBeUndefined();
  });
});
