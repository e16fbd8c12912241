import type { TFunction } from 'i18next';
import { ApiFailure } from './api.ts';

/**
 * Why a request failed, for a person: a dropped connection in the UI's language, else the
 * API's own message (it names what was wrong: ids, pointers).
 */
export function failureText(error: unknown, t: TFunction): string {
  if (error instanceof ApiFailure && error.kind === 'offline') return t('document.offline');
  return error instanceof Error ? error.message : String(error);
}
