import { open } from 'node:fs/promises';
import { formatBytes } from '../limits.ts';

export type ReadFile =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; code: ReadErrorCode; message: string };

export type ReadErrorCode =
  | 'file_not_found'
  | 'not_a_file'
  | 'permission_denied'
  | 'file_too_large'
  | 'unreadable';

/** Reads a whole file, refusing directories and files over `maxBytes` before reading them. */
export async function readFileBytes(path: string, maxBytes: number): Promise<ReadFile> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return fail('not_a_file', 'not a file (a directory?)');
    if (stats.size > maxBytes)
      return fail(
        'file_too_large',
        `the file is larger than ${formatBytes(maxBytes)}, the most Nudge reads (${stats.size} bytes)`,
      );
    return { ok: true, bytes: new Uint8Array(await handle.readFile()) };
  } catch (error) {
    return failure(error);
  } finally {
    await handle?.close();
  }
}

function failure(error: unknown): ReadFile {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fail('file_not_found', 'no such file');
  if (code === 'EISDIR') return fail('not_a_file', 'not a file (a directory?)');
  if (code === 'EACCES' || code === 'EPERM')
    return fail('permission_denied', 'not allowed to read the file');
  return fail('unreadable', `can't read the file: ${(error as Error).message}`);
}

const fail = (code: ReadErrorCode, message: string): ReadFile => ({ ok: false, code, message });
