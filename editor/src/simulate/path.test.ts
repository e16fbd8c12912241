import type { TimelineEntry } from '@nudge/runtime/core';
import { describe, expect, it } from 'vitest';
import { entryAt, pathSoFar } from './path.ts';

const entry = (node: string, at: string, handle?: string): TimelineEntry => ({
  at,
  local: at,
  node,
  type: 'x',
  action: handle ? 'branch' : 'send',
  ...(handle ? { handle } : {}),
});

const timeline = [
  entry('welcome', '2026-01-05T00:00:00Z'),
  entry('opened?', '2026-01-06T00:00:00Z', 'met'),
  entry('call', '2026-01-06T00:00:00Z'),
];
const links = [
  { id: 'e0', source: 'start', target: 'welcome' },
  { id: 'e1', source: 'welcome', target: 'opened?' },
  { id: 'e2', source: 'opened?', target: 'call', sourceHandle: 'met' },
  { id: 'e3', source: 'opened?', target: 'call', sourceHandle: 'timeout' },
];

describe('pathSoFar', () => {
  it('follows the timeline from the entry step, through the branch’s handle', () => {
    const path = pathSoFar(timeline, links, ['start'], 2);
    expect([...path.nodes]).toEqual(['start', 'welcome', 'opened?', 'call']);
    expect([...path.links]).toEqual(['e0', 'e1', 'e2']);
    expect(path.here).toBe('call');
  });

  it('stops at the slider’s entry, and is empty before the first', () => {
    expect(pathSoFar(timeline, links, ['start'], 0).here).toBe('welcome');
    expect([...pathSoFar(timeline, links, ['start'], 0).links]).toEqual(['e0']);
    const before = pathSoFar(timeline, links, ['start'], -1);
    expect(before.here).toBeNull();
    expect(before.nodes.size).toBe(0);
  });
});

describe('entryAt', () => {
  it('finds the last entry at or before a moment', () => {
    expect(entryAt(timeline, Date.parse('2026-01-04T00:00:00Z'))).toBe(-1);
    expect(entryAt(timeline, Date.parse('2026-01-05T12:00:00Z'))).toBe(0);
    expect(entryAt(timeline, Date.parse('2026-01-06T00:00:00Z'))).toBe(2);
  });
});
