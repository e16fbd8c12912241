import { type Sequence, writeSequence } from '@nudge/schema';
import coldMailExample from '@nudge/schema/examples/cold-mail.json';
import { describe, expect, it } from 'vitest';
import { updateSequence } from '../commands/update-sequence.ts';
import { createSequenceStore } from '../sequence/store.ts';
import { createDocumentActions } from './actions.ts';
import type { ExportedFile } from './export.ts';
import { createDocumentLife } from './life.ts';
import { MemoryServer } from './memory-server.test-support.ts';

/*
 * The document's flows as the toolbar runs them: the token asked for when there is none, Save
 * (POST, then PUT with the revision), the conflict choices after a 412 or a 409, and the
 * messages for an invalid sequence, a dropped connection and a refused token; nothing is lost
 * on any path.
 */

const coldMail = () => structuredClone(coldMailExample) as unknown as Sequence;

function editor(options: { token?: string | null } = {}) {
  const server = new MemoryServer();
  const sequences = createSequenceStore();
  const life = createDocumentLife(sequences);
  let token: string | null = options.token === undefined ? 'good-token' : options.token;
  const downloads: ExportedFile[] = [];
  const actions = createDocumentActions({
    sequences,
    life,
    clientFor: server.clientFor,
    token: { read: () => token, save: (value) => (token = value) },
    download: (file) => downloads.push(file),
  });
  const rename = (name: string) => sequences.getState().edit((s) => updateSequence(s, { name }));
  const ui = () => actions.ui.getState();
  const file = () => sequences.getState().file;
  return { server, sequences, life, actions, downloads, rename, ui, file, token: () => token };
}

/** An editor with cold-mail loaded from the server at revision 1. */
async function loaded() {
  const e = editor();
  e.server.put('cold-mail', coldMail());
  expect(await e.actions.load('cold-mail')).toBe(true);
  return e;
}

describe('Save', () => {
  it('asks for the API token when none is kept, then saves a new sequence with POST', async () => {
    const e = editor({ token: null });
    e.life.open('cold-mail.json', coldMail());
    expect(e.life.saveState()).toBe('not_on_server');
    await e.actions.save();
    expect(e.ui().dialog).toEqual({ kind: 'token', refused: false, next: 'save' });
    expect(e.server.calls).toEqual([]);
    await e.actions.giveToken('good-token');
    expect(e.token()).toBe('good-token');
    expect(e.server.calls).toEqual(['POST']);
    expect(e.life.saveState()).toBe('saved');
    expect(e.life.store.getState().origin).toEqual({ id: 'cold-mail', revision: 1 });
    expect(e.server.sequences.get('cold-mail')?.draft).toEqual(coldMail());
  });

  it('saves a loaded draft with PUT at the revision loaded, and the next one at the revision saved', async () => {
    const e = await loaded();
    e.rename('Cold mail v2');
    expect(e.life.saveState()).toBe('unsaved');
    await e.actions.save();
    e.rename('Cold mail v3');
    await e.actions.save();
    expect(e.server.calls.slice(1)).toEqual(['PUT cold-mail', 'PUT cold-mail']);
    expect(e.server.sequences.get('cold-mail')).toMatchObject({
      revision: 3,
      draft: { name: 'Cold mail v3' },
    });
    expect(e.life.store.getState().origin).toEqual({ id: 'cold-mail', revision: 3 });
    expect(e.life.saveState()).toBe('saved');
  });

  it('asks for another token when the API refuses this one', async () => {
    const e = editor({ token: 'revoked' });
    e.life.open('cold-mail.json', coldMail());
    await e.actions.save();
    expect(e.ui().dialog).toEqual({ kind: 'token', refused: true, next: 'save' });
    expect(e.life.saveState()).toBe('not_on_server');
  });

  it('says the server found the sequence invalid, how many errors, and keeps the copy', async () => {
    const e = await loaded();
    e.sequences
      .getState()
      .edit((s) => ({ sequence: { ...s, nodes: [...s.nodes, s.nodes[1] as never] } }));
    const edited = e.file();
    await e.actions.save();
    expect(e.ui().notice).toMatchObject({ kind: 'invalid' });
    expect((e.ui().notice as { count: number }).count).toBeGreaterThan(0);
    expect(e.file()).toBe(edited);
    expect(e.life.saveState()).toBe('unsaved');
    expect(e.server.sequences.get('cold-mail')?.revision).toBe(1);
  });

  it('says a dropped connection is one, and keeps everything as it was', async () => {
    const e = await loaded();
    e.rename('Typed offline');
    e.server.offline = true;
    await e.actions.save();
    expect(e.ui().notice).toEqual({ kind: 'offline', message: 'Failed to fetch' });
    expect(e.ui().dialog).toBeNull();
    expect(e.file()?.name).toBe('Typed offline');
    expect(e.life.saveState()).toBe('unsaved');
    expect(e.life.store.getState().origin).toEqual({ id: 'cold-mail', revision: 1 });
    e.server.offline = false;
    await e.actions.save();
    expect(e.ui().notice).toBeNull();
    expect(e.life.saveState()).toBe('saved');
  });
});

describe('a draft changed on the server since it was loaded (412)', () => {
  /** Loaded at revision 1, edited here, and saved meanwhile by someone else (revision 2). */
  async function conflict() {
    const e = await loaded();
    e.server.put('cold-mail', { ...coldMail(), name: 'Their name' });
    e.rename('My name');
    await e.actions.save();
    return e;
  }

  it('is a choice, never a silent overwrite', async () => {
    const e = await conflict();
    expect(e.ui().dialog).toEqual({
      kind: 'conflict',
      conflict: { kind: 'changed', id: 'cold-mail', revision: 2 },
      next: null,
    });
    expect(e.server.sequences.get('cold-mail')?.draft.name).toBe('Their name');
    expect(e.life.saveState()).toBe('unsaved');
  });

  it('Cancel keeps editing: nothing saved, nothing lost', async () => {
    const e = await conflict();
    await e.actions.settle('cancel');
    expect(e.ui().dialog).toBeNull();
    expect(e.file()?.name).toBe('My name');
    expect(e.server.sequences.get('cold-mail')).toMatchObject({
      revision: 2,
      draft: { name: 'Their name' },
    });
  });

  it('Overwrite saves over theirs at the revision they are at', async () => {
    const e = await conflict();
    await e.actions.settle('overwrite');
    expect(e.ui().dialog).toBeNull();
    expect(e.server.calls.at(-1)).toBe('PUT cold-mail');
    expect(e.server.sequences.get('cold-mail')).toMatchObject({
      revision: 3,
      draft: { name: 'My name' },
    });
    expect(e.life.saveState()).toBe('saved');
  });

  it('Overwrite asks again when theirs changed once more meanwhile', async () => {
    const e = await conflict();
    e.server.put('cold-mail', { ...coldMail(), name: 'Their second name' });
    await e.actions.settle('overwrite');
    expect(e.ui().dialog).toMatchObject({
      kind: 'conflict',
      conflict: { kind: 'changed', revision: 3 },
    });
    expect(e.server.sequences.get('cold-mail')?.draft.name).toBe('Their second name');
  });

  it('Load theirs opens their draft, after downloading mine', async () => {
    const e = await conflict();
    const mine = e.file();
    await e.actions.settle('theirs');
    expect(e.downloads).toEqual([{ name: 'cold-mail.my-copy.json', text: writeSequence(mine) }]);
    expect(e.file()?.name).toBe('Their name');
    expect(e.life.store.getState().origin).toEqual({ id: 'cold-mail', revision: 2 });
    expect(e.life.saveState()).toBe('saved');
    expect(e.ui().dialog).toBeNull();
  });

  it('for a draft deleted meanwhile, saves it again as new', async () => {
    const e = await loaded();
    e.server.sequences.delete('cold-mail');
    e.rename('Still mine');
    await e.actions.save();
    expect(e.ui().dialog).toMatchObject({ conflict: { kind: 'gone', id: 'cold-mail' } });
    await e.actions.settle('overwrite');
    expect(e.server.calls.at(-1)).toBe('POST');
    expect(e.server.sequences.get('cold-mail')?.draft.name).toBe('Still mine');
    expect(e.life.saveState()).toBe('saved');
  });
});

describe('a new sequence whose id is taken (409)', () => {
  async function taken() {
    const e = editor();
    e.server.put('cold-mail', { ...coldMail(), name: 'Theirs' });
    e.life.open('cold-mail.json', coldMail());
    await e.actions.save();
    return e;
  }

  it('is a choice too', async () => {
    const e = await taken();
    expect(e.ui().dialog).toMatchObject({ conflict: { kind: 'exists', id: 'cold-mail' } });
    expect(e.server.sequences.get('cold-mail')?.draft.name).toBe('Theirs');
  });

  it('Save as a new sequence gives it a free id', async () => {
    const e = await taken();
    await e.actions.settle('new_id');
    expect(e.file()?.id).toBe('cold-mail-2');
    expect(e.server.sequences.get('cold-mail-2')?.draft.name).toBe(coldMail().name);
    expect(e.server.sequences.get('cold-mail')?.draft.name).toBe('Theirs');
    expect(e.life.store.getState().origin).toEqual({ id: 'cold-mail-2', revision: 1 });
  });

  it('Overwrite replaces their draft as it is now', async () => {
    const e = await taken();
    await e.actions.settle('overwrite');
    expect(e.server.sequences.get('cold-mail')).toMatchObject({
      revision: 2,
      draft: { name: coldMail().name },
    });
    expect(e.life.saveState()).toBe('saved');
  });
});

describe('Publish', () => {
  it('saves first when there are unsaved changes, then opens the dialog on the revision saved', async () => {
    const e = await loaded();
    e.rename('To publish');
    await e.actions.publish();
    expect(e.server.sequences.get('cold-mail')?.draft.name).toBe('To publish');
    expect(e.ui().dialog).toEqual({ kind: 'publish', id: 'cold-mail', revision: 2 });
  });

  it('does not open when saving met a conflict; settling it goes on to publish', async () => {
    const e = await loaded();
    e.server.put('cold-mail', { ...coldMail(), name: 'Theirs' });
    e.rename('Mine');
    await e.actions.publish();
    expect(e.ui().dialog).toMatchObject({ kind: 'conflict', next: 'publish' });
    await e.actions.settle('overwrite');
    expect(e.ui().dialog).toEqual({ kind: 'publish', id: 'cold-mail', revision: 3 });
  });
});

describe('New sequence and Open from server', () => {
  it('creates a sequence holding only its entry, with the id chosen, not on the server yet', () => {
    const e = editor();
    e.actions.newSequence();
    expect(e.ui().dialog).toEqual({ kind: 'new' });
    e.actions.create('신규 가입 환영', 'welcome-kr');
    expect(e.file()).toMatchObject({
      id: 'welcome-kr',
      name: '신규 가입 환영',
      nodes: [{ id: 'start', type: 'entry' }],
      edges: [],
    });
    expect(e.sequences.getState().fileName).toBe('welcome-kr.json');
    expect(e.life.saveState()).toBe('not_on_server');
    expect(e.ui().dialog).toBeNull();
  });

  it('opens a draft from the server as saved; opening a file after it is not on the server', async () => {
    const e = await loaded();
    expect(e.life.saveState()).toBe('saved');
    expect(e.sequences.getState().fileName).toBe('cold-mail.json');
    e.sequences.getState().openValue('other.json', coldMail());
    expect(e.life.store.getState().origin).toBeNull();
    expect(e.life.saveState()).toBe('not_on_server');
  });
});

describe('Export', () => {
  it('downloads <id>.json in the canonical text, which reads back to the same bytes', () => {
    const e = editor();
    e.life.open('whatever.json', coldMail());
    e.actions.exportCopy();
    const [exported] = e.downloads;
    expect(exported?.name).toBe('cold-mail.json');
    expect(exported?.text).toBe(writeSequence(coldMail()));
    expect(exported?.text.endsWith('}\n')).toBe(true);
    e.sequences.getState().openBytes('cold-mail.json', new TextEncoder().encode(exported?.text));
    e.actions.exportCopy();
    expect(e.downloads[1]?.text).toBe(exported?.text);
  });
});
