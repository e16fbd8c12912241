import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../document/Dialog.tsx';
import { TokenForm } from '../outbox/TokenForm.tsx';
import { readToken, saveToken } from '../outbox/token.ts';
import type { LibraryTemplate, TemplateChannel } from './apply.ts';
import { httpLibrary, type Library, LibraryFailure, type LoadLibrary } from './library-client.ts';
import '../outbox/outbox.css';
import './templates.css';

type State =
  | { state: 'loading' }
  | { state: 'loaded'; library: Library }
  | { state: 'failed'; detail: string; refused: boolean };

export interface TemplateDialogProps {
  channel: TemplateChannel;
  onChoose(template: LibraryTemplate, how: 'copy' | 'link'): void;
  onClose(): void;
  /** Reads the library: the server's API unless a story gives another. */
  load?: LoadLibrary;
  /** The API token: the one this browser keeps unless a story gives another. */
  token?: string | null;
}

const serverLibrary = httpLibrary();

/**
 * Lists the workspace's templates of the step's channel, and the starters, searchable by name
 * or tag; each can be copied into the step, a workspace template also linked to it. The library
 * is on the server: without a token (or with one refused) the dialog asks for it first.
 * Test hooks: data-testid="template-dialog"; each item's buttons are named "Copy “<name>” into
 * this step" and "Link this step to “<name>”".
 */
export function TemplateDialog({
  channel,
  onChoose,
  onClose,
  load = serverLibrary,
  token: givenToken,
}: TemplateDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [token, setToken] = useState(() => (givenToken === undefined ? readToken() : givenToken));
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<State>({ state: 'loading' });
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    setFound({ state: 'loading' });
    const timer = setTimeout(() => {
      load(token, channel, query, abort.signal).then(
        (library) => setFound({ state: 'loaded', library }),
        (error: unknown) => {
          if ((error as Error).name === 'AbortError') return;
          const refused = error instanceof LibraryFailure && error.status === 401;
          setFound({ state: 'failed', detail: (error as Error).message, refused });
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [token, channel, query, load]);
  const refused = found.state === 'failed' && found.refused;
  const choose = (template: LibraryTemplate, how: 'copy' | 'link') => {
    onChoose(template, how);
    onClose();
  };
  return (
    <Dialog title={t('templates.dialogTitle')} onClose={onClose} testId="template-dialog" wide>
      {!token || refused ? (
        <TokenForm
          refused={refused}
          explain={t('templates.needsToken')}
          onSubmit={(next) => {
            saveToken(next);
            setToken(next);
          }}
        />
      ) : (
        <div className="template-dialog">
          <label htmlFor={id}>{t('templates.search')}</label>
          <input
            id={id}
            type="search"
            className="template-dialog__search"
            value={query}
            maxLength={100}
            // The dialog opens to pick: the search is where the author starts.
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
          />
          <div aria-live="polite" className="template-dialog__results">
            {found.state === 'loading' && <p>{t('templates.loading')}</p>}
            {found.state === 'failed' && (
              <p className="template-dialog__error" role="alert">
                {t('templates.failed', { detail: found.detail })}
              </p>
            )}
            {found.state === 'loaded' && (
              <>
                <TemplateList
                  title={t(`templates.channel.${channel}`)}
                  templates={found.library.templates}
                  empty={query.trim() ? t('templates.none') : t('templates.noneYet')}
                  onChoose={choose}
                />
                {found.library.starters.length > 0 && (
                  <TemplateList
                    title={t('templates.starters')}
                    hint={t('templates.startersHint')}
                    templates={found.library.starters}
                    empty=""
                    onChoose={choose}
                  />
                )}
              </>
            )}
          </div>
        </div>
      )}
      <div className="doc-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('templates.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

function TemplateList({
  title,
  hint,
  templates,
  empty,
  onChoose,
}: {
  title: string;
  hint?: string;
  templates: LibraryTemplate[];
  empty: string;
  onChoose(template: LibraryTemplate, how: 'copy' | 'link'): void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="template-dialog__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {hint && <p className="template-dialog__hint">{hint}</p>}
      {templates.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="template-dialog__list">
          {templates.map((template) => (
            <li key={template.id ?? template.key ?? template.name} className="template-item">
              <div className="template-item__text">
                <strong>{template.name}</strong>
                <span className="template-item__excerpt">{excerptOf(template)}</span>
                {template.tags.length > 0 && (
                  <span className="template-item__tags">
                    {template.tags.map((tag) => `#${tag}`).join(' ')}
                  </span>
                )}
              </div>
              <div className="template-item__actions">
                <button
                  type="button"
                  className="button"
                  aria-label={t('templates.copyLabel', { name: template.name })}
                  onClick={() => onChoose(template, 'copy')}
                >
                  {t('templates.copy')}
                </button>
                {template.id !== undefined && (
                  <button
                    type="button"
                    className="button"
                    aria-label={t('templates.linkLabel', { name: template.name })}
                    onClick={() => onChoose(template, 'link')}
                  >
                    {t('templates.link')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The first words of what the template says: its subject, else its text without markup. */
function excerptOf(template: LibraryTemplate): string {
  const { subject, body } = template.content;
  const text = typeof subject === 'string' && subject !== '' ? subject : String(body ?? '');
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 90 ? `${plain.slice(0, 89)}…` : plain;
}
