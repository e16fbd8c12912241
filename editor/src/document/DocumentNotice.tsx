import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DocumentNotice as Notice } from './actions.ts';

export interface DocumentNoticeProps {
  notice: Notice;
  onDismiss(): void;
  /** For a token its role refuses: ask for another. */
  onChangeToken?(): void;
}

/**
 * Why a save, a load or a publish did not happen, and that nothing was lost: the working copy
 * stays in this browser. An alert, so it is read out when it appears.
 * Test hook: data-testid="document-notice" with data-kind.
 */
export function DocumentNotice({ notice, onDismiss, onChangeToken }: DocumentNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="doc-notice" role="alert" data-testid="document-notice" data-kind={notice.kind}>
      <p className="doc-notice__text">{noticeText(notice, t)}</p>
      {notice.kind === 'not_allowed' && onChangeToken && (
        <button type="button" className="button" onClick={onChangeToken}>
          {t('document.notice.changeToken')}
        </button>
      )}
      <button type="button" className="button" onClick={onDismiss}>
        {t('document.notice.dismiss')}
      </button>
    </div>
  );
}

function noticeText(notice: Notice, t: TFunction): string {
  switch (notice.kind) {
    case 'invalid':
      return notice.count > 0
        ? t('document.notice.invalid', { count: notice.count })
        : t('document.notice.invalidUnlisted', { message: notice.message });
    case 'offline':
      return t('document.notice.offline');
    case 'not_allowed':
      return t('document.notice.notAllowed', { message: notice.message });
    case 'failed':
      return t('document.notice.failed', { message: notice.message });
    case 'not_kept':
      return t('document.notice.notKept');
  }
}
