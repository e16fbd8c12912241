/**
 * The API token the outbox reads with, kept in this browser until "forget". The editor has no
 * sign-in yet: a token (NUDGE_BOOTSTRAP_TOKEN, or any the workspace made) is how it gets in.
 */

const STORAGE_KEY = 'nudge.apiToken';

export function readToken(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, token);
  } catch {
    // Storage can be disabled: the token then lasts as long as the page.
  }
}

export function forgetToken(): void {
  try {
    globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was stored.
  }
}
