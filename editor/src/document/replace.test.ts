import type { Sequence } from '@nudge/schema';
import coldMailExample from '@nudge/schema/examples/cold-mail.json';
import { describe, expect, it, vi } from 'vitest';
import { updateSequence } from '../commands/update-sequence.ts';
import { createSequenceStore } from '../sequence/store.ts';
import { createDocumentActions } from './actions.ts';
import { createDocumentLife } from './life.ts';
import { MemoryServer } from './memory-server.test-support.ts';

/*
 * Opening a file or an example in place of the document (replaceWith): at once when nothing
 * would be lost, else only after the person chose to discard the changes. Never silently.
 */

const coldMail = () => structuredClone(coldMailExample) as unknown as Sequence;

function editor() {
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
  const rename = (name: string) => sequences.getState().edit((s) => updateSequence(s, { name }));
  const dialog = () => actions.ui.getState().dialog;
  /** What replaceWith would open: an example, here. */
  const other = vi.fn(() => sequences.getState().openValue('other.json', coldMail()));
  const replace = () => actions.replaceWith({ kind: 'example', name: 'Other' }, other);
  return { server, sequences, life, actions, rename, dialog, other, replace };
}

describe('what replacing the document would lose', () => {
  it('nothing with nothing open, or a file opened and not changed', () => {
    const e = editor();
    expect(e.life.workAtRisk()).toBeNull();
    e.sequences.getState().openValue('a.json', coldMail());
    expect(e.life.workAtRisk()).toBeNull();
  });

  it('changes to a file or an example, until they are exported as they are', () => {
    const e = editor();
    e.sequences.getState().openValue('a.json', coldMail());
    e.rename('Mine');
    expect(e.life.workAtRisk()).toBe('not_kept');
    e.actions.exportCopy();
    expect(e.life.workAtRisk()).toBeNull();
    e.rename('Mine, later');
    expect(e.life.workAtRisk()).toBe('not_kept');
  });

  it('changes not saved on the server the document came from, exported or not', async () => {
    const e = editor();
    e.server.put('cold-mail', coldMail());
    await e.actions.load('cold-mail');
    expect(e.life.workAtRisk()).toBeNull();
    e.rename('Mine');
    e.actions.exportCopy();
    expect(e.life.workAtRisk()).toBe('unsaved');
    await e.actions.save();
    expect(e.life.workAtRisk()).toBeNull();
    // Undo after Save: the saved document is no longer what is open.
    e.sequences.getState().undo();
    expect(e.life.workAtRisk()).toBe('unsaved');
  });
});

describe('replaceWith', () => {
  it('opens at once when nothing would be lost', () => {
    const e = editor();
    e.sequences.getState().openValue('a.json', coldMail());
    expect(e.replace()).toBe(true);
    expect(e.other).toHaveBeenCalledOnce();
    expect(e.dialog()).toBeNull();
  });

  it('asks first over unsaved changes; keeping working changes nothing', () => {
    const e = editor();
    e.sequences.getState().openValue('a.json', coldMail());
    e.rename('Mine');
    const mine = e.sequences.getState().file;
    expect(e.replace()).toBe(false);
    expect(e.dialog()).toMatchObject({
      kind: 'replace',
      risk: 'not_kept',
      what: { kind: 'example', name: 'Other' },
    });
    expect(e.other).not.toHaveBeenCalled();
    e.actions.closeDialog();
    expect(e.sequences.getState().file).toBe(mine);
    expect(e.other).not.toHaveBeenCalled();
  });

  it('discarding opens what was asked about, once', () => {
    const e = editor();
    e.sequences.getState().openValue('a.json', coldMail());
    e.rename('Mine');
    e.replace();
    e.actions.discardAndOpen();
    expect(e.other).toHaveBeenCalledOnce();
    expect(e.dialog()).toBeNull();
    expect(e.sequences.getState().fileName).toBe('other.json');
    e.actions.discardAndOpen();
    expect(e.other).toHaveBeenCalledOnce();
  });

  it('a second file while asking replaces the question: the last one asked about opens', () => {
    const e = editor();
    e.sequences.getState().openValue('a.json', coldMail());
    e.rename('Mine');
    const first = vi.fn();
    e.actions.replaceWith({ kind: 'file', name: 'first.json' }, first);
    e.actions.replaceWith({ kind: 'file', name: 'second.json' }, e.other);
    expect(e.dialog()).toMatchObject({ what: { name: 'second.json' } });
    e.actions.discardAndOpen();
    expect(first).not.toHaveBeenCalled();
    expect(e.other).toHaveBeenCalledOnce();
  });

  it('does nothing while another dialog is open (a file dropped on it)', () => {
    const e = editor();
    e.sequences.getState().openValue('a.json', coldMail());
    e.actions.newSequence();
    expect(e.replace()).toBe(false);
    expect(e.other).not.toHaveBeenCalled();
    expect(e.dialog()).toEqual({ kind: 'new' });
  });
});
