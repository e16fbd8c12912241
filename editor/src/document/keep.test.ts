import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateSequence } from '../commands/update-sequence.ts';
import { createSequenceStore } from '../sequence/store.ts';
import { keepWorkingCopy, restoreWorkingCopy } from './keep.ts';
import { createDocumentLife } from './life.ts';
import { localCopies } from './local-copies.ts';
import { asWorkingCopy, type CopyStorage, KEPT_COPIES, type WorkingCopy } from './working-copy.ts';

/*
 * The working copy across page loads: each "page" here is a new store and a new document
 * life over the same storage (happy-dom's localStorage), as a reload makes them.
 */

const coldMail = () => ({
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

/** A page: the editor's store and the document's life, keeping copies in `storage`. */
function page(storage: CopyStorage, tab = 'tab-1') {
  const sequences = createSequenceStore();
  const life = createDocumentLife(sequences);
  const events = new EventTarget();
  const stop = keepWorkingCopy({ sequences, life, storage, tab, page: events });
  const rename = (name: string) => sequences.getState().edit((s) => updateSequence(s, { name }));
  const restore = () => restoreWorkingCopy({ sequences, life, storage, tab });
  return { sequences, life, events, stop, rename, restore };
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the working copy', () => {
  it('is kept 300 ms after the last change, and reopens on the next load as it was: file name, origin, unsaved', async () => {
    const storage = localCopies(localStorage);
    const before = page(storage);
    before.life.open('cold-mail.json', coldMail(), {
      origin: { id: 'cold-mail', revision: 3 },
      saved: true,
    });
    before.rename('Cold mail, take 2');
    before.rename('Cold mail, take 3');
    await vi.advanceTimersByTimeAsync(299);
    expect(await storage.read('tab-1')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await storage.read('tab-1')).toMatchObject({
      fileName: 'cold-mail.json',
      origin: { id: 'cold-mail', revision: 3 },
      saved: false,
    });

    const after = page(storage);
    expect(await after.restore()).toBe(true);
    const { file, fileName } = after.sequences.getState();
    expect(fileName).toBe('cold-mail.json');
    expect(file).toEqual({ ...coldMail(), name: 'Cold mail, take 3' });
    expect(after.life.store.getState().origin).toEqual({ id: 'cold-mail', revision: 3 });
    expect(after.life.saveState()).toBe('unsaved');
    // Opening something else over it now would lose those changes.
    expect(after.life.wouldLoseWork()).toBe(true);
  });

  it('reopens a saved document as saved, and an edit then makes it unsaved', async () => {
    const storage = localCopies(localStorage);
    const before = page(storage);
    before.life.open('cold-mail.json', coldMail(), {
      origin: { id: 'cold-mail', revision: 1 },
      saved: true,
    });
    await vi.advanceTimersByTimeAsync(300);
    const after = page(storage);
    await after.restore();
    expect(after.life.saveState()).toBe('saved');
    after.rename('Renamed');
    expect(after.life.saveState()).toBe('unsaved');
    after.sequences.getState().undo();
    expect(after.life.saveState()).toBe('saved');
  });

  it('is written at once when the page is left (pagehide), without waiting for the pause', async () => {
    const storage = localCopies(localStorage);
    const before = page(storage);
    before.life.open('new.json', coldMail());
    await vi.advanceTimersByTimeAsync(300);
    before.rename('Typed just before the reload');
    before.events.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    const after = page(storage);
    await after.restore();
    expect(after.sequences.getState().file?.name).toBe('Typed just before the reload');
    expect(after.life.saveState()).toBe('not_on_server');
    expect(after.life.wouldLoseWork()).toBe(true);
  });

  it('writes synchronously too as the page goes away, where an IndexedDB write may never land', async () => {
    const lasting: CopyStorage = {
      read: async () => undefined,
      // The page is gone before this resolves.
      write: () => new Promise(() => {}),
    };
    const local = localCopies(localStorage);
    const storage = {
      ...lasting,
      writeNow: (copy: WorkingCopy) => local.writeNow?.(copy) ?? false,
    };
    const before = page(storage);
    before.life.open('new.json', coldMail());
    before.rename('Typed just before the reload');
    before.events.dispatchEvent(new Event('pagehide'));
    // Nothing awaited: it is in localStorage already.
    expect(JSON.parse(localStorage.getItem('nudge.workingCopy.tab-1') ?? '{}').document.name).toBe(
      'Typed just before the reload',
    );
  });

  it('writes what is pending when keeping stops', async () => {
    const storage = localCopies(localStorage);
    const before = page(storage);
    before.life.open('new.json', coldMail());
    before.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect((await storage.read('tab-1'))?.document).toEqual(coldMail());
  });

  it('does not reopen over what the person opened while it was being read', async () => {
    const storage = localCopies(localStorage);
    const before = page(storage);
    before.life.open('cold-mail.json', coldMail());
    await vi.advanceTimersByTimeAsync(300);
    const after = page(storage);
    const restoring = after.restore();
    after.sequences.getState().openValue('other.json', { ...coldMail(), name: 'Other' });
    expect(await restoring).toBe(false);
    expect(after.sequences.getState().fileName).toBe('other.json');
  });

  it('keeps one copy per tab: a tab reopens its own, a new tab the latest', async () => {
    const storage = localCopies(localStorage);
    const first = page(storage, 'first');
    first.life.open('first.json', { ...coldMail(), name: 'First' });
    await vi.advanceTimersByTimeAsync(300);
    const second = page(storage, 'second');
    second.life.open('second.json', { ...coldMail(), name: 'Second' });
    await vi.advanceTimersByTimeAsync(300);

    const reloaded = page(storage, 'first');
    await reloaded.restore();
    expect(reloaded.sequences.getState().fileName).toBe('first.json');
    const fresh = page(storage, 'third');
    await fresh.restore();
    expect(fresh.sequences.getState().fileName).toBe('second.json');
  });

  it('forgets the oldest copies past a few tabs', async () => {
    const storage = localCopies(localStorage);
    for (let i = 0; i < KEPT_COPIES + 2; i++) {
      const tab = page(storage, `tab-${i}`);
      tab.life.open(`${i}.json`, coldMail());
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(await storage.read('tab-0')).toMatchObject({ fileName: `${KEPT_COPIES + 1}.json` });
    expect(localStorage.getItem('nudge.workingCopy.tab-0')).toBeNull();
    expect(localStorage.getItem(`nudge.workingCopy.tab-${KEPT_COPIES + 1}`)).not.toBeNull();
  });

  it('reports a write that failed (storage full), and the next that worked', async () => {
    const outcomes: unknown[] = [];
    let full = true;
    const storage: CopyStorage = {
      read: async () => undefined,
      write: async () => {
        if (full) throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const sequences = createSequenceStore();
    const life = createDocumentLife(sequences);
    keepWorkingCopy({
      sequences,
      life,
      storage,
      tab: 't',
      page: new EventTarget(),
      onKept: (error) => outcomes.push(error),
    });
    life.open('a.json', coldMail());
    await vi.advanceTimersByTimeAsync(300);
    full = false;
    sequences.getState().edit((s) => updateSequence(s, { name: 'B' }));
    await vi.advanceTimersByTimeAsync(300);
    expect(outcomes).toHaveLength(2);
    expect((outcomes[0] as DOMException).name).toBe('QuotaExceededError');
    expect(outcomes[1]).toBeNull();
  });
});

describe('asWorkingCopy', () => {
  it('reads back only what a working copy can be', () => {
    const copy = {
      tab: 't',
      fileName: 'a.json',
      document: coldMail(),
      origin: { id: 'a', revision: 2 },
      saved: true,
      keptAt: 1,
    };
    expect(asWorkingCopy(copy)).toEqual(copy);
    expect(asWorkingCopy(null)).toBeUndefined();
    expect(asWorkingCopy({ ...copy, document: [1] })).toBeUndefined();
    expect(asWorkingCopy({ ...copy, keptAt: 'yesterday' })).toBeUndefined();
    // A broken origin drops it, and "saved" with it: saved means saved somewhere.
    expect(asWorkingCopy({ ...copy, origin: { id: 'a', revision: 0 } })).toMatchObject({
      origin: null,
      saved: false,
    });
  });

  it('ignores junk in localStorage instead of failing the page', async () => {
    localStorage.setItem('nudge.workingCopy.t', '{not json');
    localStorage.setItem('nudge.workingCopies', '"junk"');
    expect(await localCopies(localStorage).read('t')).toBeUndefined();
  });
});
