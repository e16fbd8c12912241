import { describe, expect, it } from 'vitest';
import { type Drawn, focusAfterRemoval } from './keep-focus.ts';

// start → email → wait, and wait's two branches: met → kakao, timeout → task.
const before: Drawn = {
  nodes: ['start', 'email', 'wait', 'kakao', 'task'].map((id) => ({ id })),
  edges: [
    { id: 'e1', source: 'start', target: 'email' },
    { id: 'e2', source: 'email', target: 'wait' },
    { id: 'e3', source: 'wait', target: 'kakao' },
    { id: 'e4', source: 'wait', target: 'task' },
  ],
};
const without = (drawn: Drawn, ...keys: string[]): Drawn => ({
  nodes: drawn.nodes.filter((n) => !keys.includes(n.id)),
  edges: drawn.edges.filter(
    (e) => !keys.includes(e.id) && !keys.includes(e.source) && !keys.includes(e.target),
  ),
});

describe('focusAfterRemoval', () => {
  it('moves focus from a removed step to the step that led into it', () => {
    expect(focusAfterRemoval({ kind: 'step', key: 'wait' }, before, without(before, 'wait'))).toBe(
      'email',
    );
    // An undo that takes back the insert of a branch's step: back to the branching step.
    expect(focusAfterRemoval({ kind: 'step', key: 'task' }, before, without(before, 'task'))).toBe(
      'wait',
    );
  });

  it('else to the step it led on to, else to a selected step', () => {
    expect(
      focusAfterRemoval({ kind: 'step', key: 'email' }, before, without(before, 'start', 'email')),
    ).toBe('wait');
    const alone: Drawn = { nodes: [{ id: 'a' }, { id: 'b' }], edges: [] };
    expect(
      focusAfterRemoval({ kind: 'step', key: 'a' }, alone, {
        nodes: [{ id: 'b', selected: true }],
        edges: [],
      }),
    ).toBe('b');
    expect(
      focusAfterRemoval({ kind: 'step', key: 'a' }, alone, { nodes: [{ id: 'b' }], edges: [] }),
    ).toBeUndefined();
  });

  it('moves focus from a removed link to the step it left', () => {
    expect(focusAfterRemoval({ kind: 'link', key: 'e3' }, before, without(before, 'e3'))).toBe(
      'wait',
    );
  });

  it('leaves focus alone while the focused step or link is still drawn', () => {
    expect(
      focusAfterRemoval({ kind: 'step', key: 'email' }, before, without(before, 'task')),
    ).toBeUndefined();
    expect(
      focusAfterRemoval({ kind: 'link', key: 'e1' }, before, without(before, 'task')),
    ).toBeUndefined();
  });
});
