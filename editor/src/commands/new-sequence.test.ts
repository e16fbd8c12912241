import { validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { newSequence, sequenceIdFrom, uniqueSequenceId } from './new-sequence.ts';

const SEQUENCE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

describe('newSequence', () => {
  it('holds only its entry, started by hand, at the origin, and is valid', () => {
    const sequence = newSequence('Cold mail', []);
    expect(sequence).toEqual({
      format: 'nudge.sequence/v1',
      id: 'cold-mail',
      name: 'Cold mail',
      nodes: [
        {
          id: 'start',
          type: 'entry',
          position: { x: 0, y: 0 },
          data: { triggers: [{ kind: 'manual' }] },
        },
      ],
      edges: [],
    });
    expect(Object.keys(sequence)).toEqual(['format', 'id', 'name', 'nodes', 'edges']);
    expect(validateSequence(sequence).ok).toBe(true);
  });

  it('makes its id unique among the ids taken', () => {
    expect(newSequence('Cold mail', ['cold-mail']).id).toBe('cold-mail-2');
    expect(newSequence('Cold mail', new Set(['cold-mail', 'cold-mail-2'])).id).toBe('cold-mail-3');
  });

  it('trims the name', () => {
    expect(newSequence('  Renewal  ', []).name).toBe('Renewal');
  });
});

describe('sequenceIdFrom', () => {
  it('keeps lowercase letters and digits, a dash for anything else', () => {
    expect(sequenceIdFrom('Cold mail #2')).toBe('cold-mail-2');
    expect(sequenceIdFrom('  --Q3 / Renewals__2026--  ')).toBe('q3-renewals-2026');
    expect(sequenceIdFrom('Café Crème')).toBe('cafe-creme');
  });

  it('writes a Korean name in Latin letters', () => {
    expect(sequenceIdFrom('콜드메일')).toBe('koldeumeil');
    expect(sequenceIdFrom('가입 후속 안내 2026')).toBe('gaip-husok-annae-2026');
  });

  it('gives "sequence" for a name with no letters or digits it can write', () => {
    expect(sequenceIdFrom('')).toBe('sequence');
    expect(sequenceIdFrom('!!!')).toBe('sequence');
    expect(sequenceIdFrom('名前')).toBe('sequence');
  });

  it('always gives a valid sequence id, however long or odd the name', () => {
    for (const name of ['x'.repeat(300), `${'a'.repeat(63)} b`, '-'.repeat(80), 'Ünïcødé ✓ 名前'])
      expect(sequenceIdFrom(name)).toMatch(SEQUENCE_ID);
  });
});

describe('uniqueSequenceId', () => {
  it('stays within 64 characters with its suffix', () => {
    const long = 'a'.repeat(64);
    const id = uniqueSequenceId(long, [long]);
    expect(id).toBe(`${'a'.repeat(62)}-2`);
    expect(id).toMatch(SEQUENCE_ID);
  });
});
