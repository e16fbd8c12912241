import { NODE_TYPES } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { IdAllocator, newEdgeId, newStepId, stepIdPrefix } from './ids.ts';
import { sample, sequenceOf, step } from './testing.ts';

describe('newStepId', () => {
  it('names a step by its type and the smallest number free', () => {
    const sequence = sequenceOf([
      step('start', 'entry'),
      step('email-1', 'email'),
      step('email-3', 'email'),
      step('delay-1', 'delay'),
    ]);
    expect(newStepId(sequence, 'email')).toBe('email-2');
    expect(newStepId(sequence, 'delay')).toBe('delay-2');
    expect(newStepId(sequence, 'sms')).toBe('sms-1');
  });

  it('writes underscores of a type as dashes', () => {
    expect(newStepId(sample(), 'wait_for')).toBe('wait-for-1');
    expect(newStepId(sample(), 'update_contact')).toBe('update-contact-1');
  });

  it('gives a valid step id for every type', () => {
    for (const type of NODE_TYPES) expect(newStepId(sample(), type)).toMatch(/^[a-z0-9-]{1,64}$/);
  });

  it('is stable: the same document gives the same id', () => {
    expect(newStepId(sample(), 'email')).toBe(newStepId(sample(), 'email'));
  });

  it('never takes an id that an edge of a broken file names, so no step takes on its edge', () => {
    const broken = sequenceOf(
      [step('start', 'entry')],
      [{ id: 'e1', source: 'email-1', target: 'email-2' }],
    );
    expect(newStepId(broken, 'email')).toBe('email-3');
  });

  it('reads a broken document: nodes without ids, repeated ids', () => {
    const broken = {
      ...sample(),
      nodes: [{ type: 'email' }, step('email-1', 'email'), step('email-1', 'sms'), 'junk'],
    } as never;
    expect(newStepId(broken, 'email')).toBe('email-2');
  });
});

describe('stepIdPrefix', () => {
  it('turns anything into a usable prefix', () => {
    expect(stepIdPrefix('wait_for')).toBe('wait-for');
    expect(stepIdPrefix('Carrier Pigeon!')).toBe('carrier-pigeon');
    expect(stepIdPrefix('비둘기')).toBe('step');
    expect(stepIdPrefix('x'.repeat(100))).toHaveLength(48);
  });
});

describe('newEdgeId', () => {
  it('is the smallest free e<n>', () => {
    expect(newEdgeId(sample())).toBe('e6');
    expect(newEdgeId(sequenceOf([], [{ id: 'e2', source: 'a', target: 'b' }]))).toBe('e1');
    expect(newEdgeId(sequenceOf([]))).toBe('e1');
  });
});

describe('IdAllocator', () => {
  it('never hands out an id twice, nor one taken', () => {
    const ids = new IdAllocator(['email-1', 'email-3']);
    expect([ids.step('email'), ids.step('email'), ids.step('email')]).toEqual([
      'email-2',
      'email-4',
      'email-5',
    ]);
    expect([ids.edge(), ids.edge()]).toEqual(['e1', 'e2']);
  });
});

describe('newStepId after a deletion', () => {
  it('never gives the id that a rule still names, so the rule does not test the new step', () => {
    const sequence = sequenceOf([
      step('start', 'entry'),
      step('email-1', 'email'),
      {
        id: 'check',
        type: 'condition',
        data: { rule: { any: [{ not: { event: 'opened', node: 'email-2' } }] } },
      },
    ]);
    expect(newStepId(sequence, 'email')).toBe('email-3');
  });
});
