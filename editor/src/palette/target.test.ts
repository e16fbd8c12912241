import { describe, expect, it } from 'vitest';
import { insertStep } from '../canvas/insert.ts';
import { done, links, sample, sequenceOf, step } from '../commands/testing.ts';
import { paletteTarget, pathEnd } from './target.ts';

describe('where a palette click puts a step', () => {
  it('after the selected step', () => {
    expect(paletteTarget(sample(), ['call'])).toEqual({ after: 'call' });
  });

  it('after the last selected step in the document when several are', () => {
    expect(paletteTarget(sample(), ['call', 'welcome'])).toEqual({ after: 'call' });
  });

  it('after a selected exit too, so the refusal says why nothing can follow it', () => {
    expect(paletteTarget(sample(), ['done'])).toEqual({ after: 'done' });
  });

  it('with nothing selected, after the end of the entry’s path by first links', () => {
    // start → welcome → wait —met→ thanks → done (an exit): nowhere to follow.
    expect(pathEnd(sample())?.id).toBe('done');
    expect(paletteTarget(sample(), [])).toBeUndefined();
    const chain = sequenceOf(
      [step('start', 'entry'), step('a', 'email'), step('c', 'condition'), step('x', 'sms')],
      [
        { id: 'e1', source: 'start', target: 'a' },
        { id: 'e2', source: 'a', target: 'c' },
        // Only the "no" branch is linked: the walk follows it.
        { id: 'e3', source: 'c', sourceHandle: 'no', target: 'x' },
      ],
    );
    expect(paletteTarget(chain, [])).toEqual({ after: 'x' });
  });

  it('prefers the first handle’s link: yes before no', () => {
    const both = sequenceOf(
      [step('start', 'entry'), step('c', 'condition'), step('y', 'sms'), step('n', 'task')],
      [
        { id: 'e1', source: 'start', target: 'c' },
        { id: 'e2', source: 'c', sourceHandle: 'no', target: 'n' },
        { id: 'e3', source: 'c', sourceHandle: 'yes', target: 'y' },
      ],
    );
    expect(paletteTarget(both, [])).toEqual({ after: 'y' });
  });

  it('after the entry of a new sequence, so clicks build a chain from it', () => {
    let sequence = sequenceOf([step('start', 'entry', { x: 0, y: 0 })]);
    for (const type of ['email', 'delay', 'email'] as const) {
      const target = paletteTarget(sequence, []);
      expect(target).toBeDefined();
      sequence = done(insertStep(sequence, type, target ?? { at: { x: 0, y: 0 } })).sequence;
    }
    expect(links(sequence)).toEqual(['start>email-1', 'email-1>delay-1', 'delay-1>email-2']);
    expect(sequence.nodes.map((n) => n.position?.y)).toEqual([0, 160, 320, 480]);
  });

  it('with the selected step’s handle taken, the new step goes into that link', () => {
    const { sequence, stepId } = done(
      insertStep(sample(), 'sms', paletteTarget(sample(), ['welcome']) ?? { at: { x: 0, y: 0 } }),
    );
    expect(links(sequence)).toEqual(
      expect.arrayContaining([`welcome>${stepId}`, `${stepId}>wait`]),
    );
  });

  it('nowhere in particular without an entry, or in a broken walk', () => {
    expect(paletteTarget(sequenceOf([step('a', 'email')]), [])).toBeUndefined();
    const loop = {
      ...sequenceOf([step('start', 'entry'), step('a', 'email'), step('b', 'email')]),
      edges: [
        { id: 'e1', source: 'start', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
        { id: 'e3', source: 'b', target: 'a' },
      ],
    };
    expect(pathEnd(loop)?.id).toBe('b');
    const junk = { ...sequenceOf([step('start', 'entry')]), edges: [null, 3] } as never;
    expect(pathEnd(junk)?.id).toBe('start');
  });
});
