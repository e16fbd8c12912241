import { describe, expect, it } from 'vitest';
import { SEQUENCE_KEYS, STEP_KEYS, withKey } from './keys.ts';

describe('withKey', () => {
  it('puts a new key in the format order', () => {
    const step = { id: 'a', type: 'delay', data: {} };
    expect(Object.keys(withKey(step, 'position', { x: 0, y: 0 }, STEP_KEYS))).toEqual([
      'id',
      'type',
      'position',
      'data',
    ]);
    const sequence = { format: 'f', name: 'n', nodes: [], edges: [] };
    expect(Object.keys(withKey(sequence, 'settings', {}, SEQUENCE_KEYS))).toEqual([
      'format',
      'name',
      'settings',
      'nodes',
      'edges',
    ]);
  });

  it('keeps an existing key in its place, and removes a key set to undefined', () => {
    const sequence = { name: 'n', format: 'f', description: 'd' };
    expect(Object.keys(withKey(sequence, 'format', 'g', SEQUENCE_KEYS))).toEqual([
      'name',
      'format',
      'description',
    ]);
    expect(withKey(sequence, 'description', undefined, SEQUENCE_KEYS)).toEqual({
      name: 'n',
      format: 'f',
    });
    expect(withKey(sequence, 'id', undefined, SEQUENCE_KEYS)).toBe(sequence);
  });

  it('keeps a "__proto__" key read from JSON a plain key', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}');
    const next = withKey(data, 'type', 'email', STEP_KEYS) as Record<string, unknown>;
    expect(Object.hasOwn(next, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
  });
});
