import { indexedDbCopies } from './indexeddb-copies.ts';
import { localCopies } from './local-copies.ts';
import type { CopyStorage } from './working-copy.ts';

/**
 * Where this browser keeps working copies: IndexedDB (room for any sequence), else
 * localStorage; null when it has neither. IndexedDB can exist and still fail (some private
 * modes refuse to open it): then localStorage takes over.
 */
export function browserCopyStorage(): CopyStorage | null {
  const local = storageOrNull(() => globalThis.localStorage);
  const idb = storageOrNull(() => globalThis.indexedDB);
  const fallback = local ? localCopies(local) : null;
  if (!idb) return fallback;
  return fallback ? withFallback(indexedDbCopies(idb), fallback) : indexedDbCopies(idb);
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
