import type { Settings } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { done, links, refusal, sample, sequenceOf, step } from './testing.ts';
import { updateSequence, updateSettings } from './update-sequence.ts';
import { updateStepData } from './update-step.ts';

describe('updateStepData', () => {
  it('replaces the data of one step; the rest stays identical', () => {
    const before = sample();
    const data = { amount: 2, unit: 'days' };
    const { sequence } = done(
      updateStepData(before, 'thanks', { ...before.nodes[3]?.data, body: 'Merci' }),
    );
    expect(sequence.nodes[3]).toEqual({
      ...before.nodes[3],
      data: { ...before.nodes[3]?.data, body: 'Merci' },
    });
    expect(Object.keys(sequence.nodes[3] ?? {})).toEqual(['id', 'type', 'position', 'data']);
    for (const i of [0, 1, 2, 4, 5]) expect(sequence.nodes[i]).toBe(before.nodes[i]);
    expect(sequence.edges).toBe(before.edges);
    expect(done(updateStepData(before, 'call', data)).sequence.nodes[4]?.data).toBe(data);
  });

  it('changes nothing when given the same data', () => {
    const before = sample();
    expect(done(updateStepData(before, 'wait', before.nodes[2]?.data)).sequence).toBe(before);
  });

  it('removes the edges of split branches that no longer exist, keeping the others', () => {
    const sequence = sequenceOf(
      [step('start', 'entry'), step('s', 'split'), step('x', 'delay'), step('y', 'delay')],
      [
        { id: 'e1', source: 'start', target: 's' },
        { id: 'e2', source: 's', sourceHandle: 'a', target: 'x' },
        { id: 'e3', source: 's', sourceHandle: 'b', target: 'y' },
      ],
    );
    const renamed = {
      branches: [
        { id: 'a', weight: 30 },
        { id: 'c', weight: 70 },
      ],
    };
    const after = done(updateStepData(sequence, 's', renamed)).sequence;
    expect(links(after)).toEqual(['start>s', 's.a>x']);
    expect(after.edges[1]).toBe(sequence.edges[1]);
  });

  it('refuses an unknown step', () => {
    expect(refusal(updateStepData(sample(), 'nope', {}))).toMatchObject({
      refused: 'unknown_step',
      stepId: 'nope',
    });
  });

  it('updates the first step with a repeated id', () => {
    const broken = sequenceOf([step('a', 'delay'), step('a', 'delay')]);
    const after = done(updateStepData(broken, 'a', { amount: 9, unit: 'hours' })).sequence;
    expect(after.nodes.map((n) => n.data)).toEqual([
      { amount: 9, unit: 'hours' },
      { amount: 1, unit: 'days' },
    ]);
  });
});

describe('updateSettings', () => {
  it('sets the settings in their place among the keys, and removes them', () => {
    const before = sample();
    const settings: Settings = { timezone: 'Asia/Seoul' };
    const { sequence } = done(updateSettings(before, settings));
    expect(sequence.settings).toBe(settings);
    expect(Object.keys(sequence)).toEqual(['format', 'id', 'name', 'settings', 'nodes', 'edges']);
    expect(sequence.nodes).toBe(before.nodes);
    const removed = done(updateSettings(sequence, undefined)).sequence;
    expect(removed).toEqual(before);
    expect(done(updateSettings(before, undefined)).sequence).toBe(before);
  });
});

describe('updateSequence', () => {
  it('renames, and sets or removes the description, keeping the id', () => {
    const before = sample();
    const renamed = done(updateSequence(before, { name: 'Renewal', description: 'why' })).sequence;
    expect(renamed).toMatchObject({ id: 'sample', name: 'Renewal', description: 'why' });
    expect(Object.keys(renamed)).toEqual(['format', 'id', 'name', 'description', 'nodes', 'edges']);
    expect(done(updateSequence(renamed, { description: undefined })).sequence).not.toHaveProperty(
      'description',
    );
    expect(done(updateSequence(renamed, {})).sequence).toBe(renamed);
    expect(done(updateSequence(renamed, { name: 'Renewal' })).sequence).toBe(renamed);
  });
});
