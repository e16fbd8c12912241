import type { Problem } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { leftoverProblems, problemsUnder } from './pointers.ts';

const at = (pointer: string): Problem => ({
  severity: 'error',
  code: 'invalid_value',
  message: pointer,
  pointer,
});

const problems = [
  at('/name'),
  at('/settings'),
  at('/settings/exit'),
  at('/settings/exit/onReply'),
  at('/settings/exit/goal/all/0'),
  at('/settings/exitx'),
  at('/settings/sender/from'),
  at('/nodes/0/data'),
];

describe('problems by pointer', () => {
  it('gathers the problems of several fields, each once', () => {
    expect(problemsUnder(problems, ['/name', '/settings/exit']).map((p) => p.pointer)).toEqual([
      '/name',
      '/settings/exit',
      '/settings/exit/onReply',
      '/settings/exit/goal/all/0',
    ]);
  });

  it('finds what no field of a section shows', () => {
    const shown = ['/settings/exit/onReply', '/settings/exit/goal'];
    expect(leftoverProblems(problems, '/settings/exit', shown).map((p) => p.pointer)).toEqual([
      '/settings/exit',
    ]);
    const settings = ['/settings/exit', '/settings/sender'];
    expect(leftoverProblems(problems, '/settings', settings).map((p) => p.pointer)).toEqual([
      '/settings',
      '/settings/exitx',
    ]);
  });
});
