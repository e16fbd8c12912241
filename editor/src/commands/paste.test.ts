import { LIMITS, type SequenceNode, validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { type Clipboard, copySteps } from './clipboard.ts';
import { connect } from './connect.ts';
import { duplicateSteps, pasteSteps } from './paste.ts';
import { deepFreeze, done, links, refusal, sample, sequenceOf, step } from './testing.ts';

describe('pasteSteps', () => {
  it('gives fresh ids, keeps the edges between the steps, and connects nothing else', () => {
    const before = sample();
    const clipboard = deepFreeze(copySteps(before, ['wait', 'thanks', 'call', 'done']));
    const { sequence, stepIds } = done(pasteSteps(before, clipboard));
    expect(stepIds).toEqual(['wait-for-1', 'email-1', 'task-1', 'exit-1']);
    expect(links(sequence).slice(before.edges.length)).toEqual([
      'wait-for-1.met>email-1',
      'wait-for-1.timeout>task-1',
      'email-1>exit-1',
    ]);
    expect(sequence.edges.slice(before.edges.length).map((e) => e.id)).toEqual(['e6', 'e7', 'e8']);
    for (const [i, n] of before.nodes.entries()) expect(sequence.nodes[i]).toBe(n);
  });

  it('deep-copies the data', () => {
    const before = sample();
    const { sequence } = done(pasteSteps(before, copySteps(before, ['wait'])));
    const pasted = sequence.nodes.at(-1)?.data as { rule: unknown };
    const original = before.nodes[2]?.data as { rule: unknown };
    expect(pasted).toEqual(original);
    expect(pasted).not.toBe(original);
    expect(pasted.rule).not.toBe(original.rule);
  });

  it('points rules at the pasted copies of the steps they name, and keeps the others', () => {
    const wait: SequenceNode = {
      id: 'wait',
      type: 'wait_for',
      data: {
        rule: {
          all: [{ event: 'opened', node: 'welcome' }, { not: { event: 'clicked', node: 'promo' } }],
        },
        timeout: { amount: 3, unit: 'days' },
      },
    };
    const before = sequenceOf(
      [step('start', 'entry'), step('welcome', 'email'), step('promo', 'email'), wait],
      [],
    );
    const both = done(pasteSteps(before, copySteps(before, ['welcome', 'wait']))).sequence;
    expect(both.nodes.at(-1)?.data).toEqual({
      rule: {
        all: [{ event: 'opened', node: 'email-1' }, { not: { event: 'clicked', node: 'promo' } }],
      },
      timeout: { amount: 3, unit: 'days' },
    });
    expect(before.nodes[3]).toBe(wait);
    const alone = done(pasteSteps(before, copySteps(before, ['wait']))).sequence;
    expect(alone.nodes.at(-1)?.data).toEqual(wait.data);
  });

  it("puts the group's top-left corner at the point, else 40px down and right", () => {
    const before = sample();
    const clipboard = copySteps(before, ['thanks', 'call']);
    const at = done(pasteSteps(before, clipboard, { x: 1000, y: 2000 })).sequence;
    expect(at.nodes.slice(-2).map((n) => n.position)).toEqual([
      { x: 1000, y: 2000 },
      { x: 1300, y: 2000 },
    ]);
    const nearby = done(pasteSteps(before, clipboard)).sequence;
    expect(nearby.nodes.slice(-2).map((n) => n.position)).toEqual([
      { x: -110, y: 520 },
      { x: 190, y: 520 },
    ]);
  });

  it('never repeats an id, pasted many times', () => {
    let sequence = sample();
    const clipboard = copySteps(sequence, ['welcome', 'wait', 'thanks', 'call', 'done']);
    for (let i = 0; i < 20; i++) sequence = done(pasteSteps(sequence, clipboard)).sequence;
    const ids = sequence.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const edgeIds = sequence.edges.map((e) => e.id);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
    expect(sequence.edges).toHaveLength(5 + 20 * 4);
    const codes = [...validateSequence(sequence).errors].map((p) => p.code);
    expect(new Set(codes)).toEqual(new Set(['unreachable']));
  });

  it('drops edges of a clipboard that break the format (from a broken file)', () => {
    const clipboard: Clipboard = {
      format: 'nudge.steps/v1',
      nodes: [step('a', 'delay'), step('b', 'delay'), step('c', 'condition'), step('a', 'sms')],
      edges: [
        { id: 'x1', source: 'a', target: 'b' },
        { id: 'x2', source: 'a', target: 'c' },
        { id: 'x3', source: 'b', target: 'a' },
        { id: 'x4', source: 'c', target: 'a' },
        { id: 'x5', source: 'c', sourceHandle: 'maybe', target: 'b' },
        { id: 'x6', source: 'c', sourceHandle: 'no', target: 'c' },
        { id: 'x7', source: 'c', sourceHandle: 'no', target: 'b' },
      ],
    };
    const { sequence, stepIds } = done(pasteSteps(sequenceOf([step('start', 'entry')]), clipboard));
    expect(stepIds).toEqual(['delay-1', 'delay-2', 'condition-1', 'sms-1']);
    expect(links(sequence)).toEqual(['delay-1>delay-2', 'condition-1.no>delay-2']);
  });

  it('pastes only steps it can read, and refuses when there are none', () => {
    const clipboard = {
      format: 'nudge.steps/v1',
      nodes: [step('start', 'entry'), { id: 'p', type: 'pigeon', data: {} }],
      edges: [],
    } as never;
    expect(refusal(pasteSteps(sample(), clipboard)).refused).toBe('not_steps');
  });

  it('refuses to go beyond the limit of steps', () => {
    const big = sequenceOf(
      Array.from({ length: LIMITS.nodes - 1 }, (_, i) =>
        step(`s${i}`, i === 0 ? 'entry' : 'delay'),
      ),
    );
    const clipboard = copySteps(sample(), ['thanks', 'call']);
    expect(refusal(pasteSteps(big, clipboard)).refused).toBe('too_many_steps');
    expect(done(pasteSteps(big, copySteps(sample(), ['call']))).stepIds).toEqual(['task-1']);
  });

  it('pastes steps that can then be connected to the rest into a valid sequence', () => {
    const before = sample();
    const pasted = done(pasteSteps(before, copySteps(before, ['call'])));
    expect(validateSequence(pasted.sequence).errors.map((p) => p.code)).toEqual(['unreachable']);
    const joined = done(connect(pasted.sequence, { source: 'call', target: 'task-1' }));
    expect(validateSequence(joined.sequence).ok).toBe(true);
  });
});

describe('duplicateSteps', () => {
  it('copies and pastes in one go, offset from the originals; never the entry', () => {
    const before = sample();
    const { sequence, stepIds } = done(duplicateSteps(before, ['start', 'thanks', 'done']));
    expect(stepIds).toEqual(['email-1', 'exit-1']);
    expect(sequence.nodes.slice(-2).map((n) => n.position)).toEqual([
      { x: -110, y: 520 },
      { x: -110, y: 680 },
    ]);
    expect(links(sequence).at(-1)).toBe('email-1>exit-1');
    const offset = done(duplicateSteps(before, ['call'], { x: 0, y: 200 })).sequence;
    expect(offset.nodes.at(-1)?.position).toEqual({ x: 150, y: 680 });
  });

  it('refuses the entry alone, and unknown steps', () => {
    expect(refusal(duplicateSteps(sample(), ['start']))).toMatchObject({
      refused: 'entry_kept',
      stepId: 'start',
    });
    expect(refusal(duplicateSteps(sample(), ['nope']))).toMatchObject({
      refused: 'unknown_step',
      stepId: 'nope',
    });
  });
});
