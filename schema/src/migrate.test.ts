import { describe, expect, it } from 'vitest';
import { FORMAT_V1 } from './format.ts';
import { migrate } from './migrate.ts';

describe('migrate', () => {
  it('passes a v1 file through as it is', () => {
    const file = { format: FORMAT_V1, name: 'x', nodes: [], edges: [] };
    const migrated = migrate(file);
    expect(migrated).toEqual({ ok: true, value: file, from: FORMAT_V1 });
    expect(migrated.ok && migrated.value).toBe(file);
  });

  it.each([
    [{ name: 'x' }, '', 'has no "format"'],
    [{ format: 'nudge.sequence/v2' }, '/format', 'newer Nudge'],
    [{ format: 'nudge.sequence/v0' }, '/format', '"nudge.sequence/v0" is not supported'],
    [{ format: 1 }, '/format', '1 is not supported'],
    [{ format: 'lemlist/v3' }, '/format', '"lemlist/v3" is not supported'],
  ])('refuses %j, naming the version found and the one supported', (file, pointer, words) => {
    const migrated = migrate(file);
    expect(migrated.ok).toBe(false);
    if (migrated.ok) return;
    expect(migrated.problem).toMatchObject({
      code: 'unsupported_format',
      severity: 'error',
      pointer,
    });
    expect(migrated.problem.message).toContain(words);
    expect(migrated.problem.message).toContain(FORMAT_V1);
  });
});
