/** What the file commands that talk to a running server (export, import) share. */

export const DEFAULT_URL = 'http://localhost:3000';

/** The API's error answer `{ error: { code, message } }`, when `text` is one. */
export function apiError(text: string): { code: string; message: string } | undefined {
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === 'string' && typeof error.message === 'string')
      return { code: error.code, message: error.message };
  } catch {}
  return undefined;
}
