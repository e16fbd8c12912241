import { validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { connect } from './connect.ts';
import { disconnect } from './disconnect.ts';
import { done, links, refusal, sample, sequenceOf, step } from './testing.ts';

describe('connect', () => {
  it('adds an edge from a free handle, with a fresh id', () => {
    const before = sample();
    const { sequence, edgeId } = done(connect(before, { source: 'call', target: 'done' }));
    expect(edgeId).toBe('e6');
    expect(sequence.edges.at(-1)).toEqual({ id: 'e6', source: 'call', target: 'done' });
    expect(sequence.nodes).toBe(before.nodes);
    for (const [i, e] of before.edges.entries()) expect(sequence.edges[i]).toBe(e);
    expect(validateSequence(sequence).ok).toBe(true);
  });

  it('leaves a branching step by the handle asked, or its first free one', () => {
    const sequence = sequenceOf(
      [step('start', 'entry'), step('c', 'condition'), step('a', 'delay'), step('b', 'delay')],
      [{ id: 'e1', source: 'start', target: 'c' }],
    );
    const no = done(connect(sequence, { source: 'c', sourceHandle: 'no', target: 'a' }));
    expect(no.sequence.edges.at(-1)).toEqual({
      id: 'e2',
      source: 'c',
      sourceHandle: 'no',
      target: 'a',
    });
    const free = done(connect(no.sequence, { source: 'c', target: 'b' }));
    expect(links(free.sequence).at(-1)).toBe('c.yes>b');
  });

  it('refuses a taken handle, naming the edge there; replace re-points that edge', () => {
    const before = sample();
    const link = { source: 'wait', sourceHandle: 'met', target: 'call' };
    expect(refusal(connect(before, link))).toEqual({
      refused: 'handle_taken',
      message:
        'the "met" handle of "wait" already leads to "thanks" (edge "e3"): one handle has one edge',
      stepId: 'wait',
      edgeId: 'e3',
    });
    const { sequence, edgeId } = done(connect(before, link, { replace: true }));
    expect(edgeId).toBe('e3');
    expect(sequence.edges[2]).toEqual({
      id: 'e3',
      source: 'wait',
      sourceHandle: 'met',
      target: 'call',
    });
    expect(sequence.edges).toHaveLength(before.edges.length);
  });

  it('changes nothing when the edge is already there', () => {
    const before = sample();
    const outcome = done(connect(before, { source: 'welcome', target: 'wait' }));
    expect(outcome.sequence).toBe(before);
    expect(outcome.edgeId).toBe('e2');
  });

  it('refuses an edge into the entry, from an exit, to itself, or closing a loop', () => {
    expect(refusal(connect(sample(), { source: 'call', target: 'start' }))).toMatchObject({
      refused: 'into_entry',
      stepId: 'start',
    });
    expect(refusal(connect(sample(), { source: 'done', target: 'call' }))).toMatchObject({
      refused: 'from_exit',
      stepId: 'done',
    });
    expect(refusal(connect(sample(), { source: 'call', target: 'call' })).refused).toBe(
      'self_loop',
    );
    expect(refusal(connect(sample(), { source: 'call', target: 'welcome' }))).toMatchObject({
      refused: 'cycle',
      message:
        '"welcome" already leads to "call": this edge would make a loop, and a sequence never goes back to an earlier step',
    });
  });

  it('refuses a loop even when replacing', () => {
    const link = { source: 'wait', sourceHandle: 'met', target: 'welcome' };
    expect(refusal(connect(sample(), link, { replace: true })).refused).toBe('cycle');
  });

  it('refuses unknown steps and handles', () => {
    expect(refusal(connect(sample(), { source: 'x', target: 'call' }))).toMatchObject({
      refused: 'unknown_step',
      stepId: 'x',
    });
    expect(refusal(connect(sample(), { source: 'call', target: 'y' }))).toMatchObject({
      refused: 'unknown_step',
      stepId: 'y',
    });
    expect(
      refusal(connect(sample(), { source: 'call', sourceHandle: 'yes', target: 'done' })),
    ).toMatchObject({
      refused: 'unknown_handle',
      message: 'step "call" has one unnamed handle, not "yes"',
    });
    expect(
      refusal(connect(sample(), { source: 'wait', sourceHandle: null, target: 'done' })).message,
    ).toBe('step "wait" leaves by a named handle: met, timeout');
  });

  it("follows a split's branches as its handles", () => {
    const sequence = sequenceOf(
      [step('start', 'entry'), step('s', 'split'), step('x', 'delay')],
      [{ id: 'e1', source: 'start', target: 's' }],
    );
    expect(done(connect(sequence, { source: 's', sourceHandle: 'b', target: 'x' })).edgeId).toBe(
      'e2',
    );
    expect(
      refusal(connect(sequence, { source: 's', sourceHandle: 'c', target: 'x' })).refused,
    ).toBe('unknown_handle');
  });

  it('reads a broken document: a handle taken by an edge to nowhere can be replaced', () => {
    const broken = sequenceOf(
      [step('start', 'entry'), step('a', 'delay'), step('a', 'sms'), step('b', 'delay')],
      [{ id: 'e1', source: 'a', target: 'ghost' }],
    );
    expect(refusal(connect(broken, { source: 'a', target: 'b' })).refused).toBe('handle_taken');
    const replaced = done(connect(broken, { source: 'a', target: 'b' }, { replace: true }));
    expect(links(replaced.sequence)).toEqual(['a>b']);
  });
});

describe('disconnect', () => {
  it('removes the edges named, keeping the others identical', () => {
    const before = sample();
    const { sequence } = done(disconnect(before, ['e3', 'e5']));
    expect(sequence.edges).toEqual([before.edges[0], before.edges[1], before.edges[3]]);
    expect(sequence.edges[0]).toBe(before.edges[0]);
    expect(sequence.nodes).toBe(before.nodes);
  });

  it('refuses when none of the ids is an edge; skips unknown ones among known', () => {
    expect(refusal(disconnect(sample(), ['e9']))).toMatchObject({
      refused: 'unknown_edge',
      edgeId: 'e9',
    });
    expect(done(disconnect(sample(), ['e9', 'e1'])).sequence.edges).toHaveLength(4);
    expect(done(disconnect(sample(), [])).sequence).toEqual(sample());
  });

  it('removes every edge with a repeated id', () => {
    const broken = sequenceOf(
      [step('start', 'entry'), step('a', 'delay')],
      [
        { id: 'e1', source: 'start', target: 'a' },
        { id: 'e1', source: 'a', target: 'start' },
      ],
    );
    expect(done(disconnect(broken, ['e1'])).sequence.edges).toEqual([]);
  });
});
