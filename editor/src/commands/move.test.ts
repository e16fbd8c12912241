import { describe, expect, it } from 'vitest';
import { moveSteps } from './move.ts';
import { done, refusal, sample, sequenceOf, step } from './testing.ts';

describe('moveSteps', () => {
  it('moves steps to rounded positions; the others stay identical', () => {
    const before = sample();
    const { sequence } = done(
      moveSteps(before, [
        { id: 'call', position: { x: 300.4, y: 500.5 } },
        { id: 'done', position: { x: -1.6, y: 2 } },
      ]),
    );
    expect(sequence.nodes[4]?.position).toEqual({ x: 300, y: 501 });
    expect(sequence.nodes[5]?.position).toEqual({ x: -2, y: 2 });
    for (const i of [0, 1, 2, 3]) expect(sequence.nodes[i]).toBe(before.nodes[i]);
    expect(sequence.edges).toBe(before.edges);
  });

  it('adds a position where a step had none, in its place among the keys', () => {
    const sequence = sequenceOf([step('a', 'delay')]);
    const moved = done(moveSteps(sequence, [{ id: 'a', position: { x: 1, y: 2 } }])).sequence;
    expect(Object.keys(moved.nodes[0] ?? {})).toEqual(['id', 'type', 'position', 'data']);
  });

  it('changes nothing when nothing moves', () => {
    const before = sample();
    expect(done(moveSteps(before, [{ id: 'call', position: { x: 150, y: 480 } }])).sequence).toBe(
      before,
    );
    expect(done(moveSteps(before, [])).sequence).toBe(before);
  });

  it('skips positions that are not numbers and unknown ids; refuses when none is a step', () => {
    const before = sample();
    const moves = [
      { id: 'call', position: { x: Number.NaN, y: 0 } },
      { id: 'nope', position: { x: 1, y: 1 } },
    ];
    expect(refusal(moveSteps(before, moves))).toMatchObject({ refused: 'unknown_step' });
    const some = [...moves, { id: 'done', position: { x: 1, y: 1 } }];
    const { sequence } = done(moveSteps(before, some));
    expect(sequence.nodes[4]).toBe(before.nodes[4]);
    expect(sequence.nodes[5]?.position).toEqual({ x: 1, y: 1 });
  });

  it('keeps steps within the canvas, so that positions never overflow to Infinity', () => {
    const { sequence } = done(
      moveSteps(sample(), [{ id: 'call', position: { x: 1e308, y: -1e308 } }]),
    );
    expect(sequence.nodes[4]?.position).toEqual({ x: 1_000_000, y: -1_000_000 });
  });

  it('moves the first step with a repeated id', () => {
    const broken = sequenceOf([
      step('a', 'delay', { x: 0, y: 0 }),
      step('a', 'sms', { x: 0, y: 0 }),
    ]);
    const { sequence } = done(moveSteps(broken, [{ id: 'a', position: { x: 5, y: 5 } }]));
    expect(sequence.nodes.map((n) => n.position)).toEqual([
      { x: 5, y: 5 },
      { x: 0, y: 0 },
    ]);
  });
});
