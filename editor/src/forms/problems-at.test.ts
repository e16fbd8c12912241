import type { Problem } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { problemsAt } from './problems-at.ts';

const at = (pointer: string): Problem => ({
  code: 'invalid_value',
  severity: 'error',
  pointer,
  message: pointer,
});

describe('problemsAt', () => {
  const all = [at('/nodes/1/data/body'), at('/nodes/1/data/bodyText'), at('/nodes/1/data/cc/0')];
  it('keeps the field and what lies under it, not a field that only starts alike', () => {
    expect(problemsAt(all, '/nodes/1/data/body').map((p) => p.pointer)).toEqual([
      '/nodes/1/data/body',
    ]);
    expect(problemsAt(all, '/nodes/1/data/cc').map((p) => p.pointer)).toEqual([
      '/nodes/1/data/cc/0',
    ]);
  });
  it('keeps only the field itself when exact', () => {
    expect(problemsAt(all, '/nodes/1/data/cc', true)).toEqual([]);
  });
});
