import type { Problem, ValidationResult } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { formatReport } from './report.ts';

/** The one problem line `nudge validate` prints for `problem`. */
function line(problem: Omit<Problem, 'severity' | 'message'>): string {
  const full: Problem = { severity: 'error', message: 'm', ...problem };
  const result: ValidationResult = { ok: false, errors: [full], warnings: [] };
  const text = formatReport(
    { file: 'f.json', kind: 'checked', result, positions: new Map() },
    { color: false },
  );
  return text.split('\n')[0] ?? '';
}

describe('a problem line names what the pointer is in', () => {
  it('names the edge whenever the pointer is under /edges, even when a node is named too', () => {
    expect(line({ code: 'cycle', pointer: '/edges/6', edgeId: 'e7' })).toBe(
      'f.json: error [cycle] edge e7 at /edges/6: m',
    );
    expect(
      line({ code: 'unknown_target', pointer: '/edges/2/target', edgeId: 'e3', nodeId: 'ghost' }),
    ).toBe('f.json: error [unknown_target] edge e3 at /edges/2/target: m');
  });

  it('names the node for a pointer under /nodes or elsewhere, when it has both', () => {
    expect(line({ code: 'unreachable', pointer: '/nodes/4', nodeId: 'n4', edgeId: 'e1' })).toBe(
      'f.json: error [unreachable] node n4 at /nodes/4: m',
    );
    expect(line({ code: 'entry_multiple', pointer: '', nodeId: 'n1', edgeId: 'e1' })).toBe(
      'f.json: error [entry_multiple] node n1: m',
    );
  });

  it('names the node when an edge without an id is all the problem can name', () => {
    expect(line({ code: 'cycle', pointer: '/edges/6', nodeId: 'offer' })).toBe(
      'f.json: error [cycle] node offer at /edges/6: m',
    );
  });
});
