import { writeSequence } from '@nudge/schema';
import { sequenceIdFrom } from '../commands/new-sequence.ts';
import type { SequenceFile } from '../sequence/file.ts';

/**
 * Export: the sequence as the file teams keep in git, in the canonical text the API's export
 * and the CLI write too (writeSequence: two-space indent, keys in the format's order, a final
 * newline), so export → import → export gives the same bytes.
 */
export interface ExportedFile {
  name: string;
  text: string;
}

/** `<id>.json`: the file's id, else where it lives on the server, else its name as a slug. */
export function exportFileName(file: SequenceFile, serverId?: string | null): string {
  const id =
    typeof file.id === 'string' && /^[a-z0-9][a-z0-9_-]{0,63}$/.test(file.id)
      ? file.id
      : (serverId ?? sequenceIdFrom(typeof file.name === 'string' ? file.name : ''));
  return `${id}.json`;
}

/** The name the person's own copy is downloaded under when they load someone else's draft. */
export function myCopyName(id: string): string {
  return `${id || 'sequence'}.my-copy.json`;
}

export function exportSequence(file: SequenceFile, serverId?: string | null): ExportedFile {
  return { name: exportFileName(file, serverId), text: writeSequence(file) };
}

/** Hands a file to the browser to save (its downloads). */
export function downloadFile({ name, text }: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
