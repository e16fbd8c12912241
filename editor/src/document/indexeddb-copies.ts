import { asWorkingCopy, type CopyStorage, KEPT_COPIES, type WorkingCopy } from './working-copy.ts';

/**
 * Working copies in IndexedDB: room for the largest sequence file (LIMITS.fileBytes, 16 MiB),
 * stored as objects (no JSON text to build on every change). One record per tab, indexed by
 * when it was kept, to find the latest and forget the oldest without reading them.
 */
const DATABASE = 'nudge-editor';
const COPIES = 'working-copies';
const KEPT_AT = 'keptAt';

export function indexedDbCopies(factory: IDBFactory): CopyStorage {
  let database: Promise<IDBDatabase> | undefined;
  const open = () => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE, 1);
      request.onupgradeneeded = () => {
        const copies = request.result.createObjectStore(COPIES, { keyPath: 'tab' });
        copies.createIndex(KEPT_AT, KEPT_AT);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab (or a later release) upgrading or deleting the database: let it.
        db.onversionchange = () => {
          db.close();
          database = undefined;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
      // Another tab holds an older version open: it never will here (one version so far).
      request.onblocked = () => reject(new Error('the working copies database is blocked'));
    }).catch((error) => {
      database = undefined;
      throw error;
    });
    return database;
  };

  return {
    async read(tab) {
      const db = await open();
      return new Promise((resolve, reject) => {
        const copies = db.transaction(COPIES, 'readonly').objectStore(COPIES);
        const own = copies.get(tab);
        own.onerror = () => reject(own.error);
        own.onsuccess = () => {
          const copy = asWorkingCopy(own.result);
          if (copy) return resolve(copy);
          const latest = copies.index(KEPT_AT).openCursor(null, 'prev');
          latest.onerror = () => reject(latest.error);
          latest.onsuccess = () => resolve(asWorkingCopy(latest.result?.value));
        };
      });
    },

    async write(copy: WorkingCopy) {
      const db = await open();
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(COPIES, 'readwrite');
        const copies = transaction.objectStore(COPIES);
        copies.put(copy);
        // Newest first: past the few kept, each older copy is deleted by its key.
        let seen = 0;
        const keys = copies.index(KEPT_AT).openKeyCursor(null, 'prev');
        keys.onsuccess = () => {
          const cursor = keys.result;
          if (!cursor) return;
          if (++seen > KEPT_COPIES) copies.delete(cursor.primaryKey);
          cursor.continue();
        };
        transaction.oncomplete = () => resolve();
        transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
      });
    },
  };
}
