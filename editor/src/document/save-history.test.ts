import type { Sequence } from '@nudge/schema';
import coldMailExample from '@nudge/schema/examples/cold-mail.json';
import { describe, expect, it } from 'vitest';
import { updateSequence } from '../commands/update-sequence.ts';
import { createSequenceStore } from '../sequence/store.ts';
import { createDocumentActions } from './actions.ts';
import { createDocumentLife } from './life.ts';
import { MemoryServer } from './memory-server.test-support.ts';

/*
 * Save and Publish keep the undo history: the document is not opened again, so Undo right
 * after Save undoes the last edit (and the header says the changes are unsaved again).
 */

async function loaded() {
  const server = new MemoryServer();
  const sequences = createSequenceStore();
  const life = createDocumentLife(sequences);
  const actions = createDocumentActions({
    sequences,
    life,
    clientFor: server.clientFor,
    token: { read: () => 'good-token', save: () => {} },
    download: () => {},
  });
  server.put('cold-mail', structuredClone(coldMailExample) as unknown as Sequence);
  expect(await actions.load('cold-mail')).toBe(true);
  /** One keystroke in the name field. */
  const type = (name: string) =>
    sequences.getState().edit((s) => updateSequence(s, { name }), { field: 'name' });
  const name = () => sequences.getState().file?.name;
  const canUndo = () => sequences.temporal.getState().pastStates.length > 0;
  return { server, sequences, life, actions, type, name, canUndo };
}

describe('Save keeps the undo history', () => {
  it('Undo right after Save undoes the last edit, and the header says unsaved again', async () => {
    const e = await loaded();
    e.type('Cold mail v2');
    const openCount = e.sequences.getState().openCount;
    await e.actions.save();
    expect(e.life.saveState()).toBe('saved');
    expect(e.sequences.getState().openCount).toBe(openCount);
    expect(e.canUndo()).toBe(true);
    e.sequences.getState().undo();
    expect(e.name()).toBe(coldMailExample.name);
    expect(e.life.saveState()).toBe('unsaved');
    // Redo brings back the very document saved: saved again.
    e.sequences.getState().redo();
    expect(e.life.saveState()).toBe('saved');
  });

  it('typing on in the same field after Save is a new undo step, back to the document saved', async () => {
    const e = await loaded();
    e.type('C');
    e.type('Co');
    await e.actions.save();
    e.type('Col');
    expect(e.life.saveState()).toBe('unsaved');
    e.sequences.getState().undo();
    expect(e.name()).toBe('Co');
    expect(e.life.saveState()).toBe('saved');
    e.sequences.getState().undo();
    expect(e.name()).toBe(coldMailExample.name);
  });

  it('what is typed while the save is under way is its own step too', async () => {
    const e = await loaded();
    e.type('C');
    const saving = e.actions.save();
    e.type('Co');
    await saving;
    expect(e.life.saveState()).toBe('unsaved');
    e.sequences.getState().undo();
    expect(e.name()).toBe('C');
    expect(e.life.saveState()).toBe('saved');
  });

  it('Publish (which saves first) keeps it too', async () => {
    const e = await loaded();
    e.type('Cold mail v2');
    await e.actions.publish();
    expect(e.actions.ui.getState().dialog).toMatchObject({ kind: 'publish', id: 'cold-mail' });
    const client = e.actions.client();
    await client?.publish('cold-mail', 2);
    e.actions.closeDialog();
    expect(e.canUndo()).toBe(true);
    e.sequences.getState().undo();
    expect(e.name()).toBe(coldMailExample.name);
  });
});
