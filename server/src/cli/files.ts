import type { Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
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

/**
 * Reads a whole file, never more than `maxBytes`. A regular file over the limit is refused by
 * its size, before reading; a pipe or a character device (`<(…)`, /dev/stdin, /dev/null) is
 * read to its end, and refused as soon as it passes the limit. Directories and block devices
 * are refused, saying which they are.
 */
export async function readFileBytes(path: string, maxBytes: number): Promise<ReadFile> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (!stats.isFile() && !stats.isFIFO() && !stats.isCharacterDevice())
      return fail('not_a_file', notAFile(stats));
    if (stats.isFile() && stats.size > maxBytes)
      return fail(
        'file_too_large',
        `the file is larger than ${formatBytes(maxBytes)}, the most Nudge reads (${stats.size} bytes)`,
      );
    return await readAll(chunksOf(handle), maxBytes);
  } catch (error) {
    return failure(error);
  } finally {
    await handle?.close();
  }
}

/** Reads a stream (stdin) to its end, refusing it as soon as it passes `maxBytes`. */
export async function readStreamBytes(
  stream: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<ReadFile> {
  try {
    return await readAll(stream, maxBytes);
  } catch (error) {
    return failure(error);
  }
}

async function readAll(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<ReadFile> {
  const parts: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early stops the stream (its iterator's return()), so the rest is not read.
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > maxBytes)
      return fail(
        'file_too_large',
        `the input is larger than ${formatBytes(maxBytes)}, the most Nudge reads`,
      );
    parts.push(chunk);
  }
  return { ok: true, bytes: new Uint8Array(Buffer.concat(parts, size)) };
}

/** The bytes of an open file from where it stands, as they come (a pipe's or a device's too). */
async function* chunksOf(handle: FileHandle): AsyncGenerator<Uint8Array> {
  for (;;) {
    const { bytesRead, buffer } = await handle.read({ buffer: Buffer.allocUnsafe(256 * 1024) });
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

function notAFile(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory, not a file';
  if (stats.isBlockDevice()) return 'a block device, not a file';
  return 'not a file, a pipe or a character device';
}

function failure(error: unknown): ReadFile {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fail('file_not_found', 'no such file');
  if (code === 'EISDIR') return fail('not_a_file', 'a directory, not a file');
  if (code === 'EACCES' || code === 'EPERM')
    return fail('permission_denied', 'not allowed to read the file');
  return fail('unreadable', `can't read the file: ${(error as Error).message}`);
}

const fail = (code: ReadErrorCode, message: string): ReadFile => ({ ok: false, code, message });
