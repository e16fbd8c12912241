import type { Sequence } from '@nudge/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addStep } from '../commands/add-step.ts';
import { deleteSteps } from '../commands/delete.ts';
import { reservedStepIds } from '../commands/reserved-ids.ts';
import { createSequenceStore } from '../sequence/store.ts';
import { createDocumentActions } from './actions.ts';
import { keepWorkingCopy, restoreWorkingCopy } from './keep.ts';
import { createDocumentLife } from './life.ts';
import { MemoryServer } from './memory-server.test-support.ts';
import { asWorkingCopy, type CopyStorage, type WorkingCopy } from './working-copy.ts';

/*
 * The step ids the editor keeps from new steps, as the document's life learns them: those of
 * the published versions (GET /api/sequences/:id answers them), those the document had
 * earlier in the session, and both again after a reload. The scenario of the bug: email-2 is
 * deleted from a published sequence and an Email step added; had it been named email-2,
 * publishing would have moved the enrollees waiting at the old email-2 onto it.
 */

afterEach(() => reservedStepIds.reset());

const entry = { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } };
const email = (id: string) => ({
  id,
  type: 'email',
  data: { subject: `About ${id}`, body: 'Hello', format: 'text', mode: 'auto' },
});
const followUp = (): Sequence =>
  ({
    format: 'nudge.sequence/v1',
    id: 'follow-up',
    name: 'Follow-up',
    nodes: [entry, email('email-1'), email('email-2')],
    edges: [
      { id: 'e1', source: 'start', target: 'email-1' },
      { id: 'e2', source: 'email-1', target: 'email-2' },
    ],
  }) as unknown as Sequence;

function editor(server = new MemoryServer()) {
  const sequences = createSequenceStore();
  const life = createDocumentLife(sequences);
  const actions = createDocumentActions({
    sequences,
    life,
    clientFor: server.clientFor,
    token: { read: () => 'good-token', save: () => {} },
    download: () => {},
  });
  const doc = () => sequences.getState().file as unknown as Sequence;
  const stepIds = () => doc().nodes.map((n) => n.id);
  const deleteStep = (id: string) => sequences.getState().edit((s) => deleteSteps(s, [id]));
  /** Adds an Email step, unconnected; returns its id. */
  const addEmail = () => {
    const outcome = sequences.getState().edit((s) => addStep(s, 'email', { at: { x: 0, y: 0 } }));
    return (outcome as { stepId: string }).stepId;
  };
  return { server, sequences, life, actions, doc, stepIds, deleteStep, addEmail };
}

/** follow-up on the server: published with email-2 as version 1, its draft without email-2. */
async function publishedThenDeleted() {
  const server = new MemoryServer();
  const before = editor(server);
  server.put('follow-up', followUp());
  await before.server.clientFor('good-token').publish('follow-up', 1);
  expect(await before.actions.load('follow-up')).toBe(true);
  before.deleteStep('email-2');
  await before.actions.save();
  expect(server.sequences.get('follow-up')?.draft.nodes.map((n) => n.id)).toEqual([
    'start',
    'email-1',
  ]);
  return server;
}

describe('a new step never takes a step id of a published version', () => {
  it('opened from the server: the published email-2 stays taken though the draft has none', async () => {
    const server = await publishedThenDeleted();
    // Another page (another day): it learns the published ids from the server.
    const e = editor(server);
    expect(await e.actions.load('follow-up')).toBe(true);
    expect(e.stepIds()).toEqual(['start', 'email-1']);
    expect(e.life.reservedStepIds()).toContain('email-2');
    expect(e.addEmail()).toBe('email-3');
  });

  it('after deleting it in this session, and after undoing and redoing around it', async () => {
    const e = editor();
    e.server.put('follow-up', followUp());
    expect(await e.actions.load('follow-up')).toBe(true);
    e.deleteStep('email-2');
    const added = e.addEmail();
    expect(added).toBe('email-3');
    // Back to before the delete, forward again, and one more: never email-2 nor email-3 again.
    e.sequences.getState().undo();
    e.sequences.getState().undo();
    expect(e.stepIds()).toEqual(['start', 'email-1', 'email-2']);
    e.sequences.getState().redo();
    expect(e.addEmail()).toBe('email-4');
  });

  it('starts afresh when another document opens: its ids are its own', async () => {
    const server = await publishedThenDeleted();
    const e = editor(server);
    await e.actions.load('follow-up');
    e.life.open('other.json', { ...followUp(), id: 'other', nodes: [entry], edges: [] });
    expect(e.life.reservedStepIds()).toEqual(['start']);
    expect(e.addEmail()).toBe('email-1');
  });

  it('overwriting a sequence of the same id on the server takes on its published ids', async () => {
    const server = await publishedThenDeleted();
    const e = editor(server);
    e.life.open('follow-up.json', { ...followUp(), nodes: [entry], edges: [] });
    await e.actions.save();
    expect(e.actions.ui.getState().dialog).toMatchObject({ conflict: { kind: 'exists' } });
    await e.actions.settle('overwrite');
    expect(e.life.saveState()).toBe('saved');
    expect(e.addEmail()).toBe('email-3');
  });

  it('an older server without publishedStepIds: the draft and the session still count', async () => {
    const server = new MemoryServer();
    const client = server.clientFor;
    server.clientFor = (token) => {
      const inner = client(token);
      return {
        ...inner,
        load: async (id) => {
          const { publishedStepIds: _, ...answer } = await inner.load(id);
          return answer;
        },
      };
    };
    const e = editor(server);
    server.put('follow-up', followUp());
    expect(await e.actions.load('follow-up')).toBe(true);
    expect(e.life.reservedStepIds()).toEqual(['email-1', 'email-2', 'start']);
  });
});

describe('the working copy keeps the reserved ids', () => {
  it('a reload gives none of them to a new step', async () => {
    vi.useFakeTimers();
    try {
      const copies = new Map<string, WorkingCopy>();
      const storage: CopyStorage = {
        read: async (tab) => copies.get(tab),
        write: async (copy) => {
          copies.set(copy.tab, structuredClone(copy));
        },
      };
      const server = await publishedThenDeleted();
      const before = editor(server);
      const stop = keepWorkingCopy({
        sequences: before.sequences,
        life: before.life,
        storage,
        tab: 't',
        page: new EventTarget(),
      });
      await before.actions.load('follow-up');
      expect(before.addEmail()).toBe('email-3');
      before.deleteStep('email-3');
      stop();
      expect(copies.get('t')?.reservedStepIds).toEqual(['email-1', 'email-2', 'email-3', 'start']);

      reservedStepIds.reset();
      const after = editor(server);
      expect(
        await restoreWorkingCopy({
          sequences: after.sequences,
          life: after.life,
          storage,
          tab: 't',
        }),
      ).toBe(true);
      expect(after.stepIds()).toEqual(['start', 'email-1']);
      expect(after.addEmail()).toBe('email-4');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads back as a list of strings, and as none from a copy kept before there was one', () => {
    const copy = {
      tab: 't',
      fileName: 'a.json',
      document: {},
      origin: null,
      saved: false,
      keptAt: 1,
    };
    expect(
      asWorkingCopy({ ...copy, reservedStepIds: ['a', 7, null, 'b'] })?.reservedStepIds,
    ).toEqual(['a', 'b']);
    expect(asWorkingCopy({ ...copy, reservedStepIds: 'a' })).not.toHaveProperty('reservedStepIds');
    expect(asWorkingCopy(copy)).not.toHaveProperty('reservedStepIds');
  });
});
