import { beforeEach, describe, expect, it } from 'vitest';
import { LAST_MOMENT_CHARS, withFallback, withLastMoment } from './copy-storage.ts';
import { localCopies } from './local-copies.ts';
import type { CopyStorage, WorkingCopy } from './working-copy.ts';

const copy = (tab: string, keptAt: number, name = tab): WorkingCopy => ({
  tab,
  fileName: `${name}.json`,
  document: { name },
  origin: null,
  saved: false,
  keptAt,
});

/** Copies kept in a Map, as IndexedDB keeps them (this tab's own, else the latest). */
function mapCopies(): CopyStorage & { copies: Map<string, WorkingCopy> } {
  const copies = new Map<string, WorkingCopy>();
  return {
    copies,
    async read(tab) {
      return copies.get(tab) ?? [...copies.values()].sort((a, b) => b.keptAt - a.keptAt)[0];
    },
    async write(c) {
      copies.set(c.tab, c);
    },
  };
}

beforeEach(() => localStorage.clear());

describe('withLastMoment', () => {
  it('reads the newer copy of the two, this tab’s own before any other tab’s', async () => {
    const lasting = mapCopies();
    const local = localCopies(localStorage);
    const both = withLastMoment(lasting, local);
    await lasting.write(copy('me', 10, 'kept in IndexedDB'));
    // The page went away before IndexedDB had the last change: localStorage has it.
    expect(both.writeNow?.(copy('me', 20, 'written as the page left'))).toBe(true);
    expect((await both.read('me'))?.fileName).toBe('written as the page left.json');
    // Then IndexedDB catches up with a newer one.
    await both.write(copy('me', 30, 'kept again'));
    expect((await both.read('me'))?.fileName).toBe('kept again.json');
    // Another tab's newer copy does not win over this tab's own.
    await lasting.write(copy('other', 40));
    expect((await both.read('me'))?.tab).toBe('me');
    expect((await both.read('new-tab'))?.tab).toBe('other');
  });

  it('writes nothing at the last moment past what localStorage can hold', () => {
    const both = withLastMoment(mapCopies(), localCopies(localStorage));
    const big = { ...copy('me', 1), document: { name: 'x'.repeat(LAST_MOMENT_CHARS) } };
    expect(both.writeNow?.(big)).toBe(false);
    expect(localStorage.length).toBe(0);
  });
});

describe('withFallback', () => {
  it('turns to the second storage for good once the first fails', async () => {
    let calls = 0;
    const failing: CopyStorage = {
      read: async () => {
        calls++;
        throw new Error('IndexedDB refused to open');
      },
      write: async () => {
        calls++;
      },
    };
    const local = localCopies(localStorage);
    const storage = withFallback(failing, local);
    await local.write(copy('me', 1));
    expect((await storage.read('me'))?.tab).toBe('me');
    await storage.write(copy('me', 2, 'second'));
    expect(calls).toBe(1);
    expect((await local.read('me'))?.fileName).toBe('second.json');
  });
});
