import { asWorkingCopy, type CopyStorage, KEPT_COPIES, type WorkingCopy } from './working-copy.ts';

/**
 * Working copies in localStorage, for browsers without IndexedDB (or with it disabled). Each
 * tab's copy under its own key, and a small index of which tabs kept one when, to find the
 * latest and forget the oldest. localStorage holds a few megabytes: a copy larger than what is
 * left fails to write, and the failure is reported (the caller says so on the page).
 */
const PREFIX = 'nudge.workingCopy.';
const INDEX = 'nudge.workingCopies';

type Index = Array<{ tab: string; keptAt: number }>;

export function localCopies(storage: Storage): CopyStorage {
  const readIndex = (): Index => {
    try {
      const index = JSON.parse(storage.getItem(INDEX) ?? '[]');
      return Array.isArray(index)
        ? index.filter((e) => typeof e?.tab === 'string' && typeof e?.keptAt === 'number')
        : [];
    } catch {
      return [];
    }
  };
  const readCopy = (tab: string) => {
    try {
      return asWorkingCopy(JSON.parse(storage.getItem(PREFIX + tab) ?? 'null'));
    } catch {
      return undefined;
    }
  };
  const writeNow = (copy: WorkingCopy) => {
    // Throws QuotaExceededError when it does not fit.
    storage.setItem(PREFIX + copy.tab, JSON.stringify(copy));
    const index = [
      { tab: copy.tab, keptAt: copy.keptAt },
      ...readIndex().filter((e) => e.tab !== copy.tab),
    ].sort((a, b) => b.keptAt - a.keptAt);
    for (const old of index.slice(KEPT_COPIES)) storage.removeItem(PREFIX + old.tab);
    storage.setItem(INDEX, JSON.stringify(index.slice(0, KEPT_COPIES)));
  };
  return {
    async read(tab) {
      const own = readCopy(tab);
      if (own) return own;
      const latest = readIndex().sort((a, b) => b.keptAt - a.keptAt)[0];
      return latest ? readCopy(latest.tab) : undefined;
    },
    // A failure (QuotaExceededError) rejects: the caller reports it.
    async write(copy: WorkingCopy) {
      writeNow(copy);
    },
    writeNow(copy: WorkingCopy) {
      try {
        writeNow(copy);
        return true;
      } catch {
        return false;
      }
    },
  };
}
