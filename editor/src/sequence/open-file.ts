import { LIMITS } from '@nudge/schema';
import type { StoreApi } from 'zustand';
import { type Checker, checker as sharedChecker } from './checker.ts';
import { drawOpened, type SequenceStore, sequenceStore } from './store.ts';

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
  if (!latest()) return;
  // The canvas's view of a large file takes a while to work out, and React Flow a while to take
  // it: in two tasks, with the page free to answer in between, rather than one long one.
  const drawing =
    checked.kind === 'checked' ? drawOpened(checked.value, checked.result) : undefined;
  await nextTask();
  if (latest()) openChecked(file.name, checked, drawing);
}

/** After whatever else the page has to do now (input, a frame). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
