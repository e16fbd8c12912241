import { LIMITS } from '@nudge/schema';
import { sequenceStore } from './store.ts';

/** Opens a file the person picked or dropped. Too large a file is refused before it is read. */
export async function openFile(file: File, store = sequenceStore): Promise<void> {
  const { openBytes, failToOpen } = store.getState();
  if (file.size > LIMITS.fileBytes)
    return failToOpen(file.name, { kind: 'too_large', bytes: file.size });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return failToOpen(file.name, { kind: 'unreadable' });
  }
  // The bytes, not file.text(): decoded as the CLI decodes files (UTF-16 with a BOM too).
  openBytes(file.name, bytes);
}
