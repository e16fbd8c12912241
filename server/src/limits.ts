/**
 * The file-size limit itself is `LIMITS.fileBytes` in @nudge/schema: one limit for the CLI, the
 * API and the editor. This is how the server words it.
 */
export function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
