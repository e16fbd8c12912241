import { indexedDbCopies } from './indexeddb-copies.ts';
import { localCopies } from './local-copies.ts';
import type { CopyStorage } from './working-copy.ts';

/**
 * Where this browser keeps working copies: IndexedDB (room for any sequence), else
 * localStorage; null when it has neither. IndexedDB can exist and still fail (some private
 * modes refuse to open it): then localStorage takes over. localStorage also takes the copy
 * written as the page goes away, which an IndexedDB write may not survive.
 */
export function browserCopyStorage(): CopyStorage | null {
  const local = storageOrNull(() => globalThis.localStorage);
  const idb = storageOrNull(() => globalThis.indexedDB);
  const fallback = local ? localCopies(local) : null;
  if (!idb) return fallback;
  if (!fallback) return indexedDbCopies(idb);
  return withLastMoment(withFallback(indexedDbCopies(idb), fallback), fallback);
}

/** The largest copy written to localStorage as the page goes away (it holds a few MB). */
export const LAST_MOMENT_CHARS = 1_000_000;

/**
 * `lasting` (IndexedDB), with `local` (localStorage) for the last moment: a page going away
 * writes there synchronously, a copy small enough; reading takes the newer of the two, this
 * tab's own before the latest of any tab.
 */
export function withLastMoment(lasting: CopyStorage, local: CopyStorage): CopyStorage {
  return {
    async read(tab) {
      const found = await Promise.all([
        lasting.read(tab).catch(() => undefined),
        local.read(tab).catch(() => undefined),
      ]);
      const copies = found.filter((c) => c !== undefined);
      const own = copies.filter((c) => c.tab === tab);
      return (own.length > 0 ? own : copies).sort((a, b) => b.keptAt - a.keptAt)[0];
    },
    write: (copy) => lasting.write(copy),
    writeNow(copy) {
      if (JSON.stringify(copy.document).length > LAST_MOMENT_CHARS) return false;
      return local.writeNow?.(copy) ?? false;
    },
  };
}

/** `primary` until it fails once, then `secondary` for good (a failure is retried on it). */
export function withFallback(primary: CopyStorage, secondary: CopyStorage): CopyStorage {
  let current = primary;
  const attempt = async <T>(run: (storage: CopyStorage) => Promise<T>): Promise<T> => {
    if (current === secondary) return run(secondary);
    try {
      return await run(primary);
    } catch {
      current = secondary;
      return run(secondary);
    }
  };
  return {
    read: (tab) => attempt((s) => s.read(tab)),
    write: (copy) => attempt((s) => s.write(copy)),
    writeNow: (copy) => current.writeNow?.(copy) ?? false,
  };
}

function storageOrNull<T>(get: () => T | undefined): T | null {
  try {
    return get() ?? null;
  } catch {
    // Access itself throws where storage is disabled.
    return null;
  }
}
