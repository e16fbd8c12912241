import { validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { done, links, refusal, sample, sequenceOf, step } from '../commands/testing.ts';
import { insertStep } from './insert.ts';
import { overlaps } from './layout.ts';

/** Every pair of placed steps whose cards would cover each other. */
function covering(sequence: ReturnType<typeof sample>): string[] {
  const placed = sequence.nodes.filter((n) => n.position);
  const pairs: string[] = [];
  placed.forEach((a, i) => {
    for (const b of placed.slice(i + 1))
      if (a.position && b.position && overlaps(a.position, b.position))
        pairs.push(`${a.id}/${b.id}`);
  });
  return pairs;
}

const positionOf = (sequence: ReturnType<typeof sample>, id: string) =>
  sequence.nodes.find((n) => n.id === id)?.position;

describe('insertStep', () => {
  it('after a step with a taken handle: inserted in the link, what follows moved down a row', () => {
    const before = sample();
    const { sequence, stepId } = done(insertStep(before, 'delay', { after: 'welcome' }));
    expect(stepId).toBe('delay-1');
    expect(links(sequence)).toContain('welcome>delay-1');
    expect(links(sequence)).toContain('delay-1>wait');
    expect(positionOf(sequence, 'delay-1')).toEqual({ x: 0, y: 320 });
    // wait was at y 320: it and everything after it move down 160 (a card and a gap).
    expect(positionOf(sequence, 'wait')).toEqual({ x: 0, y: 480 });
    expect(positionOf(sequence, 'thanks')).toEqual({ x: -150, y: 640 });
    expect(positionOf(sequence, 'call')).toEqual({ x: 150, y: 640 });
    expect(positionOf(sequence, 'done')).toEqual({ x: -150, y: 800 });
    // Steps before it stay.
    expect(positionOf(sequence, 'welcome')).toEqual({ x: 0, y: 160 });
    expect(covering(sequence)).toEqual([]);
    expect(validateSequence(sequence).ok).toBe(true);
  });

  it('after a step with a free handle: below it, moving nothing', () => {
    const before = sample();
    const { sequence } = done(insertStep(before, 'exit', { after: 'call' }));
    expect(positionOf(sequence, 'exit-1')).toEqual({ x: 150, y: 640 });
    expect(sequence.nodes.slice(0, -1)).toEqual(before.nodes);
    expect(covering(sequence)).toEqual([]);
  });

  it('into a link: between its ends, then the target and what follows move down', () => {
    const { sequence } = done(insertStep(sample(), 'sms', { onEdge: 'e3' }));
    expect(links(sequence)).toContain('wait.met>sms-1');
    expect(links(sequence)).toContain('sms-1>thanks');
    // wait (0, 320) → thanks (-150, 480): halfway covers both, so it takes thanks' place.
    expect(positionOf(sequence, 'sms-1')).toEqual({ x: -150, y: 480 });
    expect(positionOf(sequence, 'thanks')).toEqual({ x: -150, y: 640 });
    expect(positionOf(sequence, 'done')).toEqual({ x: -150, y: 800 });
    // The other branch does not come after the new step: it stays.
    expect(positionOf(sequence, 'call')).toEqual({ x: 150, y: 480 });
    expect(covering(sequence)).toEqual([]);
  });

  it('into a long link: halfway, moving nothing', () => {
    const far = sequenceOf(
      [step('start', 'entry', { x: 0, y: 0 }), step('bye', 'exit', { x: 0, y: 600 })],
      [{ id: 'e1', source: 'start', target: 'bye' }],
    );
    const { sequence } = done(insertStep(far, 'delay', { onEdge: 'e1' }));
    expect(positionOf(sequence, 'delay-1')).toEqual({ x: 0, y: 300 });
    expect(positionOf(sequence, 'bye')).toEqual({ x: 0, y: 600 });
  });

  it('at a point another step covers: moved right until it covers none', () => {
    const { sequence } = done(insertStep(sample(), 'task', { at: { x: 10, y: 170 } }));
    expect(positionOf(sequence, 'task-1')).toEqual({ x: 300, y: 170 });
    expect(covering(sequence)).toEqual([]);
  });

  it('at a dropped position that is free: there', () => {
    const { sequence } = done(
      insertStep(sample(), 'task', { at: { x: 0, y: 0 } }, { x: 600, y: 40 }),
    );
    expect(positionOf(sequence, 'task-1')).toEqual({ x: 600, y: 40 });
  });

  it('passes a refusal on and changes nothing', () => {
    const before = sample();
    expect(refusal(insertStep(before, 'email', { after: 'done' })).refused).toBe('from_exit');
    expect(refusal(insertStep(before, 'exit', { onEdge: 'e1' })).refused).toBe('from_exit');
  });

  it('writes where the canvas draws steps without positions, then makes room as usual', () => {
    const loose = sequenceOf(
      [step('start', 'entry'), step('a', 'email'), step('b', 'delay')],
      [
        { id: 'e1', source: 'start', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
      ],
    );
    const drawn = new Map([
      ['start', { x: 0, y: 0 }],
      ['a', { x: 0, y: 184 }],
      ['b', { x: 0, y: 368 }],
    ]);
    const { sequence } = done(insertStep(loose, 'sms', { onEdge: 'e2' }, undefined, drawn));
    expect(positionOf(sequence, 'start')).toEqual({ x: 0, y: 0 });
    expect(positionOf(sequence, 'a')).toEqual({ x: 0, y: 184 });
    expect(positionOf(sequence, 'sms-1')).toEqual({ x: 0, y: 368 });
    expect(positionOf(sequence, 'b')).toEqual({ x: 0, y: 528 });
    expect(covering(sequence)).toEqual([]);
  });

  it('leaves steps without positions to the layout when it is not told where they are', () => {
    const loose = sequenceOf(
      [step('start', 'entry'), step('a', 'email'), step('b', 'delay')],
      [
        { id: 'e1', source: 'start', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
      ],
    );
    const { sequence } = done(insertStep(loose, 'sms', { onEdge: 'e2' }));
    expect(positionOf(sequence, 'sms-1')).toBeUndefined();
    expect(positionOf(sequence, 'b')).toBeUndefined();
  });
});
