import { LIMITS, validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { addStep } from './add-step.ts';
import { defaultData } from './default-data.ts';
import { done, links, refusal, sample, sequenceOf, step } from './testing.ts';

describe('addStep after a step', () => {
  it('connects a step with a free handle to the new step, below it', () => {
    const before = sample();
    const { sequence, stepId } = done(addStep(before, 'delay', { after: 'call' }));
    expect(stepId).toBe('delay-1');
    expect(sequence.nodes.at(-1)).toEqual({
      id: 'delay-1',
      type: 'delay',
      position: { x: 150, y: 640 },
      data: { amount: 1, unit: 'days' },
    });
    expect(links(sequence).at(-1)).toBe('call>delay-1');
    expect(sequence.edges.at(-1)?.id).toBe('e6');
    expect(validateSequence(sequence).ok).toBe(true);
  });

  it('inserts the new step when the handle is taken: the old target follows it', () => {
    const { sequence } = done(addStep(sample(), 'delay', { after: 'welcome' }));
    expect(links(sequence)).toEqual([
      'start>welcome',
      'welcome>delay-1',
      'wait.met>thanks',
      'wait.timeout>call',
      'thanks>done',
      'delay-1>wait',
    ]);
    // The edge on the handle keeps its id, re-pointed.
    expect(sequence.edges[1]).toEqual({ id: 'e2', source: 'welcome', target: 'delay-1' });
    expect(validateSequence(sequence).ok).toBe(true);
  });

  it('takes the first free handle of a branching step, else its first', () => {
    const branching = sequenceOf(
      [step('start', 'entry'), step('c', 'condition'), step('x', 'delay')],
      [
        { id: 'e1', source: 'start', target: 'c' },
        { id: 'e2', source: 'c', sourceHandle: 'yes', target: 'x' },
      ],
    );
    const open = done(addStep(branching, 'exit', { after: 'c' }));
    expect(links(open.sequence).at(-1)).toBe('c.no>exit-1');
    const full = done(addStep(sample(), 'delay', { after: 'wait' })).sequence;
    expect(links(full)).toContain('wait.met>delay-1');
    expect(links(full)).toContain('delay-1>thanks');
  });

  it('leaves a new branching step by its first handle when inserted', () => {
    const { sequence } = done(addStep(sample(), 'split', { after: 'welcome' }));
    expect(links(sequence).at(-1)).toBe('split-1.a>wait');
  });

  it('spreads the steps below a branching step, one column per handle', () => {
    const met = done(addStep(sample(), 'delay', { after: 'wait', handle: 'met' })).sequence;
    const timeout = done(addStep(sample(), 'delay', { after: 'wait', handle: 'timeout' })).sequence;
    const x = (s: typeof met) => s.nodes.at(-1)?.position?.x as number;
    expect(x(met)).toBeLessThan(0);
    expect(x(timeout)).toBeGreaterThan(0);
    expect(met.nodes.at(-1)?.position?.y).toBe(480);
  });

  it('leaves the position out when the step it follows has none (the canvas places it)', () => {
    const sequence = sequenceOf([step('start', 'entry')]);
    const added = done(addStep(sequence, 'email', { after: 'start' })).sequence;
    expect(added.nodes.at(-1)).not.toHaveProperty('position');
    const dropped = done(addStep(sequence, 'email', { after: 'start' }, { x: 10.4, y: 20.6 }));
    expect(dropped.sequence.nodes.at(-1)?.position).toEqual({ x: 10, y: 21 });
  });

  it('refuses what the format forbids', () => {
    expect(refusal(addStep(sample(), 'delay', { after: 'nope' }))).toMatchObject({
      refused: 'unknown_step',
      stepId: 'nope',
    });
    expect(refusal(addStep(sample(), 'delay', { after: 'done' })).refused).toBe('from_exit');
    expect(refusal(addStep(sample(), 'delay', { after: 'wait', handle: 'yes' }))).toMatchObject({
      refused: 'unknown_handle',
      message: 'step "wait" has no handle "yes" (it has met, timeout)',
    });
    expect(refusal(addStep(sample(), 'delay', { after: 'call', handle: 'x' })).refused).toBe(
      'unknown_handle',
    );
  });

  it('refuses an exit before a step: nothing follows an exit', () => {
    expect(refusal(addStep(sample(), 'exit', { after: 'welcome' }))).toMatchObject({
      refused: 'from_exit',
      edgeId: 'e2',
    });
    expect(refusal(addStep(sample(), 'exit', { onEdge: 'e2' })).refused).toBe('from_exit');
  });

  it('refuses a second entry', () => {
    expect(refusal(addStep(sample(), 'entry', { at: { x: 0, y: 0 } }))).toMatchObject({
      refused: 'entry_kept',
      stepId: 'start',
    });
    const none = sequenceOf([step('a', 'email')]);
    expect(done(addStep(none, 'entry', { at: { x: 0, y: 0 } })).stepId).toBe('entry-1');
    expect(refusal(addStep(none, 'entry', { after: 'a' })).refused).toBe('into_entry');
  });

  it('refuses a step beyond the limit', () => {
    const full = sequenceOf(
      Array.from({ length: LIMITS.nodes }, (_, i) => step(`s${i}`, i === 0 ? 'entry' : 'delay')),
    );
    expect(refusal(addStep(full, 'delay', { at: { x: 0, y: 0 } })).refused).toBe('too_many_steps');
  });
});

describe('addStep on an edge', () => {
  it("goes between the edge's ends, halfway", () => {
    const { sequence, stepId } = done(addStep(sample(), 'sms', { onEdge: 'e4' }));
    expect(stepId).toBe('sms-1');
    expect(links(sequence)).toContain('wait.timeout>sms-1');
    expect(links(sequence)).toContain('sms-1>call');
    expect(sequence.nodes.at(-1)?.position).toEqual({ x: 75, y: 400 });
  });

  it('refuses an unknown edge, or one that does not join two steps as the format allows', () => {
    expect(refusal(addStep(sample(), 'sms', { onEdge: 'e99' }))).toMatchObject({
      refused: 'unknown_edge',
      edgeId: 'e99',
    });
    const broken = sequenceOf(
      [step('start', 'entry'), step('end', 'exit')],
      [
        { id: 'e1', source: 'start', target: 'gone' },
        { id: 'e2', source: 'end', target: 'start' },
        { id: 'e3', source: 'start', sourceHandle: 'yes', target: 'end' },
      ],
    );
    expect(refusal(addStep(broken, 'sms', { onEdge: 'e1' })).refused).toBe('unknown_step');
    // Nor into an edge that the format does not allow.
    expect(refusal(addStep(broken, 'sms', { onEdge: 'e2' })).refused).toBe('into_entry');
    expect(refusal(addStep(broken, 'sms', { onEdge: 'e3' }))).toMatchObject({
      refused: 'unknown_handle',
      edgeId: 'e3',
    });
  });
});

describe('addStep at a point', () => {
  it('adds an unconnected step there, with its default data', () => {
    const before = sample();
    const { sequence } = done(addStep(before, 'kakao', { at: { x: 500.2, y: -20.7 } }));
    expect(sequence.nodes.at(-1)).toEqual({
      id: 'kakao-1',
      type: 'kakao',
      position: { x: 500, y: -21 },
      data: defaultData('kakao'),
    });
    expect(sequence.edges).toBe(before.edges);
    for (const [i, n] of sequence.nodes.slice(0, -1).entries()) expect(n).toBe(before.nodes[i]);
  });
});
