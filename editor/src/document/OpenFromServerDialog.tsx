import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_LIMIT, type SequenceSummary } from './api.ts';
import { Dialog } from './Dialog.tsx';
import { failureText } from './failure-text.ts';

export interface OpenFromServerDialogProps {
  list(): Promise<SequenceSummary[]>;
  /** Opens the sequence's draft (the dialog closes once it is open). */
  onOpen(id: string): void;
  /** A sequence is being opened: the list waits. */
  busy: boolean;
  /** The open sequence has changes that opening another would replace. */
  replacing: boolean;
  onClose(): void;
  /** Why the last open failed, shown in the dialog. */
  children?: ReactNode;
}

type Listing =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'listed'; sequences: SequenceSummary[] };

/**
 * **Open from server**: the workspace's sequences (name, id, published version, last change),
 * each a button that opens its draft. Test hooks: data-testid="open-dialog", each row's
 * button data-testid="server-sequence" with data-id.
 */
export function OpenFromServerDialog({
  list,
  onOpen,
  busy,
  replacing,
  onClose,
  children,
}: OpenFromServerDialogProps) {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const read = useCallback(() => {
    setListing({ state: 'loading' });
    list().then(
      (sequences) => setListing({ state: 'listed', sequences }),
      (error: unknown) => setListing({ state: 'failed', error }),
    );
  }, [list]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, when the dialog opens
  useEffect(read, []);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Dialog title={t('document.open.title')} onClose={onClose} testId="open-dialog" wide>
      {children}
      {replacing && <p className="doc-form__warning">{t('document.replaces')}</p>}
      {listing.state === 'loading' && <p role="status">{t('document.open.loading')}</p>}
      {listing.state === 'failed' && (
        <div role="alert" className="doc-dialog__problem">
          <p>{t('document.open.failed', { reason: failureText(listing.error, t) })}</p>
          <button type="button" className="button" onClick={read}>
            {t('document.retry')}
          </button>
        </div>
      )}
      {listing.state === 'listed' && listing.sequences.length === 0 && (
        <p>{t('document.open.empty')}</p>
      )}
      {listing.state === 'listed' && listing.sequences.length > 0 && (
        <ul className="doc-list" aria-busy={busy}>
          {listing.sequences.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="doc-list__item"
                data-testid="server-sequence"
                data-id={s.id}
                disabled={busy}
                onClick={() => onOpen(s.id)}
              >
                <span className="doc-list__name">{s.name}</span>
                <code>{s.id}</code>
                <span className="doc-list__meta">
                  {s.publishedVersion === null
                    ? t('document.open.draftOnly')
                    : t('document.open.published', { version: s.publishedVersion })}
                  {' · '}
                  {t('document.open.updated', { when: formatWhen(when, s.updatedAt) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {listing.state === 'listed' && listing.sequences.length >= LIST_LIMIT && (
        <p className="doc-form__hint">{t('document.open.firstOnly', { count: LIST_LIMIT })}</p>
      )}
      <div className="doc-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('document.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

function formatWhen(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
