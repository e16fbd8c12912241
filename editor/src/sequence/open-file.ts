import { MAX_FILE_BYTES, sequenceStore } from './store.ts';

/** Opens a file the person picked or dropped. Too large a file is refused before it is read. */
export async function openFile(file: File, store = sequenceStore): Promise<void> {
  const { openText, failToOpen } = store.getState();
  if (file.size > MAX_FILE_BYTES)
    return failToOpen(file.name, { kind: 'too_large', bytes: file.size });
  let text: string;
  try {
    text = await file.text();
  } catch {
    return failToOpen(file.name, { kind: 'unreadable' });
  }
  openText(file.name, text);
}
