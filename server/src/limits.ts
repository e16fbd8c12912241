/**
 * The largest sequence file Nudge reads, from disk (the CLI) or as a request body (the API,
 * by default): far above any real sequence (2,000 nodes of 64 KiB templates would not reach
 * it), low enough that reading it can't exhaust the server.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
