import type { TFunction } from 'i18next';
import { type LoadError, MAX_FILE_BYTES } from '../sequence/store.ts';

const MB = 1024 * 1024;

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
      return t('load.tooLarge', {
        size: (error.bytes / MB).toFixed(1),
        limit: MAX_FILE_BYTES / MB,
      });
    case 'unreadable':
      return t('load.unreadable');
    case 'not_text':
      return t('load.notText');
  }
}
