import { validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { deleteSteps } from './delete.ts';
import { done, links, refusal, sample, sequenceOf, step } from './testing.ts';

const chain = (...ids: string[]) =>
  sequenceOf(
    [step('start', 'entry'), ...ids.map((id) => step(id, 'delay'))],
    ['start', ...ids].slice(1).map((id, i) => ({
      id: `e${i + 1}`,
      source: ['start', ...ids][i] as string,
      target: id,
    })),
  );

describe('deleteSteps', () => {
  it('bridges a step with one way in and one way out, re-pointing the edge coming in', () => {
    const before = sample();
    const { sequence } = done(deleteSteps(before, ['welcome']));
    expect(sequence.nodes.map((n) => n.id)).not.toContain('welcome');
    expect(sequence.edges[0]).toEqual({ id: 'e1', source: 'start', target: 'wait' });
    expect(sequence.edges.map((e) => e.id)).toEqual(['e1', 'e3', 'e4', 'e5']);
    // What the deletion did not touch stays identical.
    expect(sequence.edges[1]).toBe(before.edges[2]);
    expect(sequence.nodes[1]).toBe(before.nodes[2]);
  });

  it('bridges a chain of deleted steps end to end, in any order', () => {
    for (const order of [
      ['b', 'c'],
      ['c', 'b'],
    ]) {
      const { sequence } = done(deleteSteps(chain('a', 'b', 'c', 'd'), order));
      expect(links(sequence)).toEqual(['start>a', 'a>d']);
    }
  });

  it('does not bridge a step with two ways out: its edges go', () => {
    const { sequence } = done(deleteSteps(sample(), ['wait']));
    expect(links(sequence)).toEqual(['start>welcome', 'thanks>done']);
  });

  it('bridges a branch with one way out from the handle coming in', () => {
    const { sequence } = done(deleteSteps(sample(), ['thanks']));
    expect(links(sequence)).toContain('wait.met>done');
    expect(validateSequence(sequence).ok).toBe(true);
  });

  it('keeps the entry: refused alone, skipped among others', () => {
    expect(refusal(deleteSteps(sample(), ['start']))).toMatchObject({
      refused: 'entry_kept',
      stepId: 'start',
    });
    const { sequence } = done(deleteSteps(sample(), ['start', 'call']));
    expect(sequence.nodes.map((n) => n.id)).toEqual(['start', 'welcome', 'wait', 'thanks', 'done']);
  });

  it('may delete all entries but one in a broken file with several', () => {
    const two = sequenceOf([step('start', 'entry'), step('other', 'entry')]);
    expect(done(deleteSteps(two, ['other'])).sequence.nodes.map((n) => n.id)).toEqual(['start']);
    expect(done(deleteSteps(two, ['start', 'other'])).sequence.nodes).toHaveLength(1);
  });

  it('refuses when no step has the ids; skips unknown ids among known ones', () => {
    expect(refusal(deleteSteps(sample(), ['nope']))).toMatchObject({
      refused: 'unknown_step',
      stepId: 'nope',
    });
    expect(done(deleteSteps(sample(), ['nope', 'call'])).sequence.nodes).toHaveLength(5);
    expect(done(deleteSteps(sample(), [])).sequence).toEqual(sample());
  });

  it('deletes the first step with a repeated id, and the edges of that id', () => {
    const broken = sequenceOf(
      [step('start', 'entry'), step('a', 'delay'), step('a', 'sms')],
      [{ id: 'e1', source: 'start', target: 'a' }],
    );
    const { sequence } = done(deleteSteps(broken, ['a']));
    expect(sequence.nodes.map((n) => n.type)).toEqual(['entry', 'sms']);
    expect(sequence.edges).toEqual([]);
  });

  it('does not bridge into a loop or the entry of a broken file', () => {
    const broken = sequenceOf(
      [step('start', 'entry'), step('a', 'delay'), step('b', 'delay')],
      [
        { id: 'e1', source: 'a', target: 'b' },
        { id: 'e2', source: 'b', target: 'a' },
        { id: 'e3', source: 'start', target: 'start' },
      ],
    );
    expect(links(done(deleteSteps(broken, ['b'])).sequence)).toEqual(['start>start']);
  });
});

describe('deleteSteps in a file with repeated ids', () => {
  it('counts only the entries the validator reads, so the last one is kept', () => {
    const broken = sequenceOf([step('a', 'delay'), step('a', 'entry'), step('start', 'entry')]);
    expect(refusal(deleteSteps(broken, ['start'])).refused).toBe('entry_kept');
  });
});
