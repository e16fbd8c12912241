import { LIMITS } from '@nudge/schema';
import type { StoreApi } from 'zustand';
import { type Checker, checker as sharedChecker } from './checker.ts';
import { type SequenceStore, sequenceStore } from './store.ts';

/** The latest openFile of each store: reading is asynchronous, and only the latest may open. */
const latestRequest = new WeakMap<StoreApi<SequenceStore>, number>();

/**
 * Opens a file the person picked or dropped. Too large a file is refused before it is read.
 * While the bytes are read, the person may open something else (another file, an example):
 * then this file is dropped when its bytes arrive or have been checked, so the last open always
 * wins.
 */
export async function openFile(
  file: File,
  store = sequenceStore,
  checker: Checker = sharedChecker(),
): Promise<void> {
  const request = (latestRequest.get(store) ?? 0) + 1;
  latestRequest.set(store, request);
  const { openChecked, failToOpen, openCount } = store.getState();
  if (file.size > LIMITS.fileBytes)
    return failToOpen(file.name, { kind: 'too_large', bytes: file.size });
  // Still the latest: no later openFile, and nothing opened since (openCount counts every open).
  const latest = () =>
    latestRequest.get(store) === request && store.getState().openCount === openCount;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    if (latest()) failToOpen(file.name, { kind: 'unreadable' });
    return;
  }
  if (!latest()) return;
  // The bytes, not file.text(): decoded as the CLI decodes files (UTF-16 with a BOM too).
  const checked = await checker.checkBytes(bytes);
  if (latest()) openChecked(file.name, checked);
}
