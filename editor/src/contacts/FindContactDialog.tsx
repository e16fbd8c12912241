import type { Contact } from '@nudge/schema';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../document/Dialog.tsx';
import { TokenForm } from '../outbox/TokenForm.tsx';
import { readToken, saveToken } from '../outbox/token.ts';
import { addContact, contactLabel } from './contact-choice.ts';
import { SearchFailure, searchContacts } from './server-contacts.ts';
import '../outbox/outbox.css';

type Search =
  | { state: 'idle' | 'searching' }
  | { state: 'found'; contacts: Contact[] }
  | { state: 'failed'; detail: string; refused: boolean };

/**
 * Finds a contact of the workspace on the server (name, email, company or phone, as typed) and
 * previews for it. The search runs as the author types, the last answer winning; without a token,
 * or with one the server refuses, the dialog asks for it first.
 * Test hook: data-testid="find-contact-dialog", each result is a button "Preview for <name>".
 */
export function FindContactDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [token, setToken] = useState(readToken);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    setSearch({ state: 'searching' });
    const timer = setTimeout(() => {
      searchContacts(token, query, { signal: abort.signal }).then(
        ({ contacts }) => setSearch({ state: 'found', contacts }),
        (error: unknown) => {
          if ((error as Error).name === 'AbortError') return;
          const refused = error instanceof SearchFailure && error.status === 401;
          setSearch({ state: 'failed', detail: (error as Error).message, refused });
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [token, query]);
  const refused = search.state === 'failed' && search.refused;
  return (
    <Dialog title={t('preview.contact.findTitle')} onClose={onClose} testId="find-contact-dialog">
      {!token || refused ? (
        <TokenForm
          refused={refused}
          explain={t('preview.contact.needsToken')}
          onSubmit={(next) => {
            saveToken(next);
            setToken(next);
          }}
        />
      ) : (
        <div className="contact-dialog">
          <label htmlFor={id}>{t('preview.contact.findLabel')}</label>
          <input
            id={id}
            type="search"
            className="contact-dialog__search"
            value={query}
            maxLength={200}
            // The dialog opens to search: the field is where the author starts.
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
          />
          <div aria-live="polite" className="contact-dialog__results">
            {search.state === 'searching' && <p>{t('preview.contact.finding')}</p>}
            {search.state === 'failed' && (
              <p className="contact-dialog__error">
                {t('preview.contact.findFailed', { detail: search.detail })}
              </p>
            )}
            {search.state === 'found' && search.contacts.length === 0 && (
              <p>{t('preview.contact.noneFound', { query })}</p>
            )}
            {search.state === 'found' && search.contacts.length > 0 && (
              <ul className="contact-dialog__list">
                {search.contacts.map((contact) => (
                  <li key={contact.id ?? contactLabel(contact)}>
                    <button
                      type="button"
                      className="contact-dialog__choice"
                      aria-label={t('preview.contact.choose', { name: contactLabel(contact) })}
                      onClick={() => {
                        addContact('server', contact);
                        onClose();
                      }}
                    >
                      <strong>{contact.name ?? t('preview.contact.noName')}</strong>
                      <span>
                        {[contact.email, contact.company, contact.phone]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      <div className="doc-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('preview.contact.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
