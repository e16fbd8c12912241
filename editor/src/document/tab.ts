/**
 * This tab's id: kept in sessionStorage, so it survives a reload (and a crashed tab restored by
 * the browser) but a new tab gets its own. Without sessionStorage, one per page load.
 */
const KEY = 'nudge.tab';

let fallback: string | undefined;

export function tabId(): string {
  fallback ??= crypto.randomUUID();
  try {
    const storage = globalThis.sessionStorage;
    if (!storage) return fallback;
    const kept = storage.getItem(KEY);
    if (kept) return kept;
    storage.setItem(KEY, fallback);
    return fallback;
  } catch {
    // Storage disabled: the id lasts as long as the page.
    return fallback;
  }
}
