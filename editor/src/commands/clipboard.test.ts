import { FORMAT_V1, LIMITS } from '@nudge/schema';
import onboarding from '@nudge/schema/examples/onboarding.json';
import { describe, expect, it } from 'vitest';
import { copySteps } from './clipboard.ts';
import { readClipboard } from './read-clipboard.ts';
import { isRefusal, type Refusal } from './refusal.ts';
import { sample, sequenceOf, step } from './testing.ts';

const refused = (text: string): Refusal => {
  const read = readClipboard(text);
  if (!isRefusal(read)) throw new Error('expected a refusal');
  expect(read.refused).toBe('not_steps');
  return read;
};

describe('copySteps', () => {
  it('copies the steps asked, in order, and only the edges between them', () => {
    const before = sample();
    const clipboard = copySteps(before, ['thanks', 'wait', 'done']);
    expect(clipboard.format).toBe('nudge.steps/v1');
    expect(clipboard.nodes.map((n) => n.id)).toEqual(['wait', 'thanks', 'done']);
    expect(clipboard.edges.map((e) => e.id)).toEqual(['e3', 'e5']);
  });

  it('never copies the entry, nor steps it cannot read', () => {
    const broken = sequenceOf([
      step('start', 'entry'),
      { id: 'odd', type: 'pigeon', data: {} } as never,
      { id: 'bad', type: 'delay', data: 'junk' } as never,
    ]);
    expect(copySteps(broken, ['start', 'odd', 'bad']).nodes).toEqual([]);
  });

  it('copies the first step with a repeated id', () => {
    const broken = sequenceOf([step('a', 'delay'), step('a', 'sms')]);
    expect(copySteps(broken, ['a']).nodes.map((n) => n.type)).toEqual(['delay']);
  });
});

describe('readClipboard', () => {
  it('reads copied steps back from their JSON text', () => {
    const clipboard = copySteps(sample(), ['wait', 'thanks', 'call']);
    expect(readClipboard(JSON.stringify(clipboard))).toEqual(clipboard);
  });

  it('reads a whole sequence file: its steps but the entry, and the edges between them', () => {
    const read = readClipboard(JSON.stringify(onboarding));
    if (isRefusal(read)) throw new Error(read.message);
    expect(read.nodes.map((n) => n.id)).toEqual(
      onboarding.nodes.filter((n) => n.type !== 'entry').map((n) => n.id),
    );
    expect(read.edges.every((e) => e.source !== 'start')).toBe(true);
    expect(read.edges).toHaveLength(onboarding.edges.filter((e) => e.source !== 'start').length);
  });

  it('keeps only what a step is: id, type, position, data', () => {
    const text = JSON.stringify({
      format: 'nudge.steps/v1',
      nodes: [
        { id: 'a', type: 'delay', selected: true, position: { x: 'no' }, data: { amount: 1 } },
        { id: 'b', type: 'delay', position: { x: 1, y: 2 }, data: { amount: 2 } },
        { id: 'c', type: 'entry', data: {} },
      ],
      edges: [
        { id: 'e1', source: 'a', target: 'b', animated: true },
        { id: 'e2', source: 'b', target: 'c' },
        { id: 'e3', source: 'a', sourceHandle: 7, target: 'b' },
      ],
    });
    expect(readClipboard(text)).toEqual({
      format: 'nudge.steps/v1',
      nodes: [
        { id: 'a', type: 'delay', data: { amount: 1 } },
        { id: 'b', type: 'delay', position: { x: 1, y: 2 }, data: { amount: 2 } },
      ],
      edges: [{ id: 'e1', source: 'a', target: 'b' }],
    });
  });

  it('refuses junk with a message that says what it is', () => {
    expect(refused('hello').message).toBe(
      'the pasted text is not JSON, so it holds no Nudge steps',
    );
    expect(refused('   ').message).toBe('the clipboard is empty');
    expect(refused('[1, 2]').message).toMatch(/not an object/);
    expect(refused('{"nodes": [], "connections": {}}').message).toMatch(/has no "format"/);
    expect(refused('{"format": "n8n"}').message).toMatch(/in the format "n8n"/);
    expect(refused('{"format": "nudge.sequence/v2", "nodes": []}').message).toMatch(
      /not supported \(written by a newer Nudge\?\)/,
    );
    expect(refused('{"format": "nudge.steps/v1", "nodes": {}}').message).toMatch(/no list/);
  });

  it('refuses a sequence or steps with nothing to paste', () => {
    const onlyEntry = { format: FORMAT_V1, name: 'x', nodes: [step('start', 'entry')], edges: [] };
    expect(refused(JSON.stringify(onlyEntry)).message).toBe(
      'the pasted JSON holds no steps to paste',
    );
  });

  it('refuses what is beyond the limits of a file', () => {
    const many = { format: 'nudge.steps/v1', nodes: Array(LIMITS.nodes + 1).fill({}), edges: [] };
    expect(refused(JSON.stringify(many)).message).toMatch(/2001 steps/);
    expect(refused(`${'['.repeat(LIMITS.jsonDepth + 1)}`).message).toMatch(/nests deeper/);
    const huge = `"${'한'.repeat(LIMITS.fileBytes / 3 + 10)}"`;
    expect(refused(huge).message).toMatch(/^the pasted text is 16\.0 MB/);
  });
});
