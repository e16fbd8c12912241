import { FORMAT_V1, NODE_TYPES, type NodeType, validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { defaultData } from './default-data.ts';

/** Each type's default data as the only step after the entry (after an email, for threads). */
function problemsOf(type: NodeType) {
  const nodes = [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'first',
      type: 'email',
      data: { subject: 'Hi', body: 'Hi', format: 'text', mode: 'auto' },
    },
  ];
  const edges = [{ id: 'e1', source: 'start', target: 'first' }];
  if (type !== 'entry') {
    nodes.push({ id: 'new', type, data: defaultData(type) } as never);
    edges.push({ id: 'e2', source: 'first', target: 'new' });
  }
  const { errors } = validateSequence({ format: FORMAT_V1, name: 'x', nodes, edges });
  return errors.map((p) => `${p.code} ${p.pointer}`);
}

describe('defaultData', () => {
  it('gives valid data for the types that have a sensible default', () => {
    for (const type of ['entry', 'delay', 'condition', 'wait_for', 'split', 'exit'] as const)
      expect(problemsOf(type), type).toEqual([]);
  });

  it('leaves the text only the author can write empty, flagged at its field', () => {
    expect(problemsOf('email')).toEqual(['invalid_value /nodes/2/data/body']);
    expect(problemsOf('sms')).toEqual(['invalid_value /nodes/2/data/body']);
    expect(problemsOf('kakao')).toEqual([
      'invalid_value /nodes/2/data/body',
      'invalid_value /nodes/2/data/templateCode',
    ]);
    expect(problemsOf('task')).toEqual(['invalid_value /nodes/2/data/title']);
    expect(problemsOf('update_contact')).toEqual(['invalid_value /nodes/2/data']);
  });

  it('makes a new email a reply in the thread, which needs a subject when it comes first', () => {
    expect(defaultData('email').subject).toBe('');
    const { errors } = validateSequence({
      format: FORMAT_V1,
      name: 'x',
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        { id: 'new', type: 'email', data: { ...defaultData('email'), body: 'Hi' } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'new' }],
    });
    expect(errors.map((p) => `${p.code} ${p.pointer}`)).toEqual([
      'thread_without_email /nodes/1/data/subject',
    ]);
  });

  it('gives fresh objects, never shared between two steps', () => {
    for (const type of NODE_TYPES) {
      expect(defaultData(type)).not.toBe(defaultData(type));
      expect(defaultData(type)).toEqual(defaultData(type));
    }
    expect(defaultData('split').branches).not.toBe(defaultData('split').branches);
  });
});
