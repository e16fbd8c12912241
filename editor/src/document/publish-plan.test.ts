import { diffSequences, type Sequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { readSteps, type SequenceFile } from '../sequence/file.ts';
import type { PublishPreview, Waiting } from './api.ts';
import { migrateOf, planPublish, stepsToMap, targetsFor } from './publish-plan.ts';

const entry = { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } };
const mail = (id: string, subject: string, mode = 'auto') => ({
  id,
  type: 'email',
  data: { subject, body: 'Hi', format: 'text', mode },
});
const delay = (id: string, amount: number) => ({
  id,
  type: 'delay',
  data: { amount, unit: 'days' },
});
const task = (id: string) => ({
  id,
  type: 'task',
  data: { kind: 'call', title: 'Call', waitForCompletion: true },
});
const sequence = (nodes: object[]) =>
  ({
    format: 'nudge.sequence/v1',
    id: 's',
    name: 'S',
    nodes: [entry, ...nodes],
    edges: [],
  }) as unknown as Sequence;

function preview(
  before: Sequence | null,
  after: Sequence,
  waiting: Waiting[] = [],
): PublishPreview {
  return {
    draftRevision: 4,
    published: before ? { version: 3, definition: before as never } : null,
    changes: before ? diffSequences(before, after) : null,
    waiting,
  };
}

const v3 = sequence([mail('welcome', 'Hello'), delay('wait', 3), task('call'), mail('bye', 'Bye')]);
const draft = sequence([
  { ...mail('welcome', 'Hello!'), position: { x: 0, y: 0 } },
  delay('pause', 1),
  mail('bye', 'Bye'),
  mail('manual', 'Typed by hand', 'manual'),
]);

describe('planPublish', () => {
  it('says a first publish is version 1, with nothing to compare', () => {
    const plan = planPublish(preview(null, draft));
    expect(plan).toMatchObject({ first: true, version: 1, publishedVersion: null, same: false });
    expect([...plan.added, ...plan.removed, ...plan.changed]).toEqual([]);
    expect(migrateOf(plan, true, {})).toBeUndefined();
  });

  it('lists removed, changed and added steps, with the enrollees waiting at each in any version', () => {
    const waiting: Waiting[] = [
      { node: null, version: 3, count: 1 },
      { node: 'wait', version: 2, count: 4 },
      { node: 'wait', version: 3, count: 6 },
      { node: 'welcome', version: 3, count: 2 },
      { node: 'gone-long-ago', version: 1, count: 5 },
    ];
    const plan = planPublish(preview(v3, draft, waiting));
    expect(plan).toMatchObject({ first: false, version: 4, publishedVersion: 3, same: false });
    expect(plan.removed.map((s) => [s.id, s.type, s.waiting])).toEqual([
      ['wait', 'delay', 10],
      ['call', 'task', 0],
    ]);
    // The removed steps are read from the published version, for their labels.
    expect(plan.removed[0]?.step?.data).toEqual({ amount: 3, unit: 'days' });
    expect(plan.changed.map((s) => [s.id, s.fields, s.waiting])).toEqual([
      ['welcome', ['subject'], 2],
    ]);
    expect(plan.added.map((s) => s.id)).toEqual(['pause', 'manual']);
    // Without the draft, added steps have nothing to be labelled by; with it, they are read there.
    expect(plan.added[0]?.step).toBeUndefined();
    const pause = (draft.nodes as Array<{ id: string; data: unknown }>).find(
      (n) => n.id === 'pause',
    );
    const withDraft = planPublish(preview(v3, draft, waiting), draft as unknown as SequenceFile);
    expect(withDraft.added[0]?.step?.data).toEqual(pause?.data);
    expect(plan.waitingTotal).toBe(18);
    expect(plan.waitingElsewhere).toBe(5);
    expect(stepsToMap(plan).map((s) => s.id)).toEqual(['wait']);
  });

  it('counts steps only moved on the canvas apart from real changes', () => {
    const moved = sequence([{ ...mail('welcome', 'Hello'), position: { x: 9, y: 9 } }]);
    const plan = planPublish(preview(sequence([mail('welcome', 'Hello')]), moved));
    expect(plan.changed).toEqual([]);
    expect(plan.movedOnly).toBe(1);
  });

  it('says when the draft is the published version exactly', () => {
    expect(planPublish(preview(v3, structuredClone(v3))).same).toBe(true);
  });
});

describe('targetsFor', () => {
  const steps = readSteps(draft as unknown as SequenceFile);
  const plan = planPublish(preview(v3, draft));
  const removed = (id: string) => {
    const step = plan.removed.find((s) => s.id === id);
    if (!step) throw new Error(`${id} is not removed`);
    return step;
  };

  it('offers a removed delay only the draft’s delays', () => {
    expect(targetsFor(removed('wait'), steps).map((s) => s.id)).toEqual(['pause']);
  });

  it('offers a removed message only messages sent automatically', () => {
    const gone = { id: 'old', type: 'sms', step: undefined, waiting: 1, fields: [] };
    expect(targetsFor(gone, steps).map((s) => s.id)).toEqual(['welcome', 'bye']);
  });

  it('offers a removed task nothing: its enrollees wait for it under its own id', () => {
    expect(targetsFor(removed('call'), steps)).toEqual([]);
  });
});

describe('migrateOf', () => {
  const plan = planPublish(preview(v3, draft, [{ node: 'wait', version: 3, count: 2 }]));

  it('maps each removed step to the step chosen, leaving out those that stay', () => {
    expect(migrateOf(plan, true, { wait: 'pause', call: '' })).toEqual({ wait: 'pause' });
  });

  it('is an empty mapping when everyone moves by the same ids', () => {
    expect(migrateOf(plan, true, {})).toEqual({});
  });

  it('is none when the enrollees in progress stay on their version', () => {
    expect(migrateOf(plan, false, { wait: 'pause' })).toBeUndefined();
  });

  it('never maps a step that was not removed', () => {
    expect(migrateOf(plan, true, { welcome: 'bye' })).toEqual({});
  });
});
