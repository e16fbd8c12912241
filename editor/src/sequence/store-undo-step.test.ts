import type { Sequence } from '@nudge/schema';
import coldMail from '@nudge/schema/examples/cold-mail.json';
import { describe, expect, it } from 'vitest';
import { createSequenceStore } from './store.ts';

/** Typing a name, one edit per keystroke, all of the field "name". */
const typeName = (store: ReturnType<typeof createSequenceStore>, name: string) =>
  store.getState().edit((s: Sequence) => ({ sequence: { ...s, name } }), { field: 'name' });

describe('endUndoStep', () => {
  it('makes the next edit of the same field a new undo step, so undo comes back to the document as it was', () => {
    const store = createSequenceStore();
    store.getState().openValue('cold-mail.json', structuredClone(coldMail));
    typeName(store, 'A');
    typeName(store, 'AB');
    const marked = store.getState().file;
    store.getState().endUndoStep();
    typeName(store, 'ABC');
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().file).toBe(marked);
    store.getState().undo();
    expect(store.getState().file?.name).toBe(coldMail.name);
  });

  it('changes neither the document nor the history', () => {
    const store = createSequenceStore();
    store.getState().openValue('cold-mail.json', structuredClone(coldMail));
    typeName(store, 'A');
    const { file, revision } = store.getState();
    store.getState().endUndoStep();
    expect(store.getState().file).toBe(file);
    expect(store.getState().revision).toBe(revision);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });
});
