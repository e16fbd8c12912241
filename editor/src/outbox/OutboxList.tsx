import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from './api.ts';
import { formatSentAt } from './format.ts';

export interface OutboxListProps {
  /** null while the first page loads. */
  entries: OutboxEntry[] | null;
  selectedId?: number | null;
  onSelect(id: number): void;
  /** Shown instead of the list when loading failed. */
  error?: string | null;
  onRetry?(): void;
  /** Present when there are older messages to load. */
  onMore?: (() => void) | null;
}

/**
 * The captured mail, newest first: subject, recipient, time. Test hooks: data-testid
 * "outbox-list", each "outbox-entry" with data-id (aria-current on the one shown).
 */
export function OutboxList({
  entries,
  selectedId,
  onSelect,
  error,
  onRetry,
  onMore,
}: OutboxListProps) {
  const { t, i18n } = useTranslation();
  if (error)
    return (
      <div className="outbox-list__note" role="alert" data-testid="outbox-error">
        <p>{t('outbox.failed', { reason: error })}</p>
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            {t('outbox.retry')}
          </button>
        )}
      </div>
    );
  if (entries === null)
    return (
      <p className="outbox-list__note" role="status">
        {t('outbox.loading')}
      </p>
    );
  if (entries.length === 0)
    return (
      <div className="outbox-list__note" data-testid="outbox-empty">
        <p className="outbox-list__empty">{t('outbox.empty')}</p>
        <p>{t('outbox.emptyHint')}</p>
      </div>
    );
  return (
    <nav className="outbox-list" aria-label={t('outbox.list')}>
      <ul data-testid="outbox-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className="outbox-list__item"
              data-testid="outbox-entry"
              data-id={entry.id}
              aria-current={entry.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(entry.id)}
            >
              <span className="outbox-list__subject">{entry.subject || t('outbox.noSubject')}</span>
              <span className="outbox-list__meta">
                <span className="outbox-list__to">{entry.to}</span>
                <time dateTime={entry.sentAt}>{formatSentAt(entry.sentAt, i18n.language)}</time>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {onMore && (
        <button type="button" className="button outbox-list__more" onClick={onMore}>
          {t('outbox.more')}
        </button>
      )}
    </nav>
  );
}
