import { LIMITS } from '@nudge/schema';
import type { TFunction } from 'i18next';
import type { LoadError } from '../sequence/store.ts';

const MiB = 1024 * 1024;

/** Why a file could not be opened, in the UI language. */
export function loadErrorText(error: LoadError, t: TFunction): string {
  switch (error.kind) {
    case 'not_json': {
      const { line, column, found } = error.syntax;
      const detail =
        found === null
          ? t('load.unexpectedEnd')
          : t('load.unexpectedChar', { char: JSON.stringify(found) });
      return t('load.notJson', { line, column, detail });
    }
    case 'too_large':
      return t('load.tooLarge', sizeAndLimit(error.bytes, t));
    case 'unreadable':
      return t('load.unreadable');
    case 'not_text':
      return t('load.notText');
  }
}

/**
 * A refused file's size and the limit, in MiB. Digits are cut, not rounded, and added until
 * the size reads as over the limit (never "16.0 MiB, up to 16 MiB"); a file a few bytes over
 * is shown in bytes, next to the limit in bytes.
 */
function sizeAndLimit(bytes: number, t: TFunction): { size: string; limit: string } {
  const limitMiB = LIMITS.fileBytes / MiB;
  const limit = t('load.mib', { value: number(limitMiB) });
  for (const digits of [1, 2, 3]) {
    const scale = 10 ** digits;
    const shown = Math.floor((bytes * scale) / MiB) / scale;
    if (shown > limitMiB) return { size: t('load.mib', { value: number(shown, digits) }), limit };
  }
  return {
    size: t('load.bytes', { value: number(bytes) }),
    limit: t('load.limitInBytes', {
      limit,
      bytes: t('load.bytes', { value: number(LIMITS.fileBytes) }),
    }),
  };
}

/** English and Korean group digits and mark decimals alike: 16,777,216 and 20.5. */
const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits });
