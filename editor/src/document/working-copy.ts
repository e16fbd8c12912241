import { isObject } from '../sequence/file.ts';
import type { Origin } from './life.ts';

/**
 * The working copy: the open document as this browser keeps it between page loads, so a
 * reload or a crashed tab loses nothing. One per tab (a tab's id lives in sessionStorage), so
 * two tabs on two sequences never overwrite each other's work.
 */
export interface WorkingCopy {
  /** The tab that kept it. */
  tab: string;
  fileName: string;
  /** The document as it was: valid or not, whatever the editor held. */
  document: Record<string, unknown>;
  /** Where it lives on the server, and the draft's revision it was based on. */
  origin: Origin | null;
  /** It was what the server held at `origin` (no changes since). */
  saved: boolean;
  /** When it was kept (ms since the epoch): a new tab reopens the latest. */
  keptAt: number;
  /**
   * The step ids no new step may take (../commands/reserved-ids.ts): those of the published
   * versions and those the document had earlier, so a reload gives none of them again.
   * Absent from copies kept before there was this list.
   */
  reservedStepIds?: string[];
}

/** Where working copies are kept (IndexedDB, else localStorage). */
export interface CopyStorage {
  /** This tab's copy, else the latest kept by any tab; undefined when there is none. */
  read(tab: string): Promise<WorkingCopy | undefined>;
  /** Keeps the copy under its tab, and forgets the oldest beyond a few. */
  write(copy: WorkingCopy): Promise<void>;
  /**
   * Keeps it synchronously, for a page that is going away (pagehide), where an asynchronous
   * write may never finish; false when it could not (too large, storage full).
   */
  writeNow?(copy: WorkingCopy): boolean;
}

/** How many working copies (tabs) are kept; older ones are forgotten. */
export const KEPT_COPIES = 5;

/**
 * A working copy read back from storage, or undefined if it is not one: storage is written by
 * other releases and other tabs, and can hold anything.
 */
export function asWorkingCopy(value: unknown): WorkingCopy | undefined {
  if (!isObject(value)) return undefined;
  const { tab, fileName, document, origin, saved, keptAt, reservedStepIds } = value;
  if (typeof tab !== 'string' || typeof fileName !== 'string' || !isObject(document))
    return undefined;
  if (typeof keptAt !== 'number' || !Number.isFinite(keptAt)) return undefined;
  const place = asOrigin(origin);
  return {
    tab,
    fileName,
    document,
    origin: place,
    saved: saved === true && place !== null,
    keptAt,
    ...(Array.isArray(reservedStepIds)
      ? { reservedStepIds: reservedStepIds.filter((id): id is string => typeof id === 'string') }
      : {}),
  };
}

function asOrigin(value: unknown): Origin | null {
  if (!isObject(value)) return null;
  const { id, revision } = value;
  if (typeof id !== 'string' || !Number.isInteger(revision) || (revision as number) < 1)
    return null;
  return { id, revision: revision as number };
}
