import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  httpOutboxClient,
  type OutboxClient,
  type OutboxEntry,
  type OutboxMessage,
  TokenRefusedError,
} from './api.ts';
import { MessageView } from './MessageView.tsx';
import { OutboxList } from './OutboxList.tsx';
import { TokenForm } from './TokenForm.tsx';
import { forgetToken, readToken, saveToken } from './token.ts';
import './outbox.css';

export interface OutboxProps {
  onClose(): void;
  /** How to reach the API with a token; the server this page came from by default. */
  clientFor?: (token: string) => OutboxClient;
}

/**
 * The outbox over the page: mail the worker captured (no SMTP_URL), a list and the message
 * chosen. Reading it takes an API token, asked for here and kept in this browser; a refused
 * token is forgotten and asked for again. Escape closes it. Test hooks: data-testid "outbox",
 * "outbox-close", "outbox-forget-token", "outbox-refresh", and those of TokenForm, OutboxList
 * and MessageView.
 */
export function Outbox({ onClose, clientFor = httpOutboxClient }: OutboxProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [token, setToken] = useState(readToken);
  const [refused, setRefused] = useState(false);
  const client = useMemo(() => (token ? clientFor(token) : null), [token, clientFor]);

  useEffect(() => {
    dialog.current?.focus();
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  const enter = (value: string) => {
    saveToken(value);
    setRefused(false);
    setToken(value);
  };
  const forget = () => {
    forgetToken();
    setRefused(false);
    setToken(null);
  };
  const refuse = useCallback(() => {
    forgetToken();
    setToken(null);
    setRefused(true);
  }, []);

  return (
    <div
      className="outbox"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={dialog}
      data-testid="outbox"
    >
      <header className="outbox__bar">
        <h2 id={titleId}>{t('outbox.title')}</h2>
        <p className="outbox__intro">{t('outbox.intro')}</p>
        {client && (
          <button
            type="button"
            className="button"
            onClick={forget}
            data-testid="outbox-forget-token"
          >
            {t('outbox.token.forget')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose} data-testid="outbox-close">
          {t('outbox.close')}
        </button>
      </header>
      {client ? (
        // Keyed by the token: another token starts from nothing, as it may see other mail.
        <Reader key={token} client={client} onRefused={refuse} />
      ) : (
        <div className="outbox__token">
          <TokenForm onSubmit={enter} refused={refused} />
        </div>
      )}
    </div>
  );
}

interface ListState {
  entries: OutboxEntry[] | null;
  next: number | null;
  error: string | null;
}

const NOTHING_YET: ListState = { entries: null, next: null, error: null };

/** The list and the message chosen, read with one token. */
function Reader({ client, onRefused }: { client: OutboxClient; onRefused(): void }) {
  const { t } = useTranslation();
  const [list, setList] = useState<ListState>(NOTHING_YET);
  const [selected, setSelected] = useState<number | null>(null);
  const [shown, setShown] = useState<{ id: number; message?: OutboxMessage; error?: string }>();

  // A refused token is asked for again; any other failure is `show`n where it happened.
  const failed = useCallback(
    (reason: unknown, show: (message: string) => void) => {
      if (reason instanceof TokenRefusedError) onRefused();
      else show(reason instanceof Error ? reason.message : String(reason));
    },
    [onRefused],
  );

  // Counts requests, so that the answer to an older one (before a refresh) is dropped.
  const generation = useRef(0);
  const load = useCallback(
    (before: number | null) => {
      const mine = ++generation.current;
      client.list(before).then(
        (page) => {
          if (mine !== generation.current) return;
          setList((shownList) => ({
            entries:
              before === null ? page.entries : [...(shownList.entries ?? []), ...page.entries],
            next: page.next,
            error: null,
          }));
        },
        (reason: unknown) => {
          if (mine === generation.current)
            failed(reason, (error) => setList((shownList) => ({ ...shownList, error })));
        },
      );
    },
    [client, failed],
  );
  useEffect(() => load(null), [load]);
  const reload = () => {
    setList(NOTHING_YET);
    load(null);
  };

  useEffect(() => {
    if (selected === null) return;
    let current = true;
    client.message(selected).then(
      (message) => current && setShown({ id: selected, message }),
      (reason: unknown) => current && failed(reason, (error) => setShown({ id: selected, error })),
    );
    return () => {
      current = false;
    };
  }, [client, selected, failed]);
  const view = shown?.id === selected ? shown : undefined;
  // One function per message shown, so that its source is read once, when first asked for.
  const loadSource = useMemo(() => {
    const id = view?.id;
    const raw = client.raw?.bind(client);
    return id === undefined || !raw ? undefined : () => raw(id);
  }, [client, view?.id]);

  return (
    <div className="outbox__body">
      <div className="outbox__side">
        <div className="outbox__tools">
          <button type="button" className="button" onClick={reload} data-testid="outbox-refresh">
            {t('outbox.refresh')}
          </button>
        </div>
        <OutboxList
          entries={list.entries}
          selectedId={selected}
          onSelect={setSelected}
          error={list.error}
          onRetry={reload}
          onMore={list.next === null ? null : () => load(list.next)}
        />
      </div>
      <section className="outbox__reader">
        {view?.error ? (
          <p className="outbox__pick" role="alert">
            {t('outbox.failed', { reason: view.error })}
          </p>
        ) : view?.message ? (
          <MessageView
            key={view.id}
            message={view.message}
            {...(loadSource ? { loadSource } : {})}
          />
        ) : selected === null ? (
          <p className="outbox__pick">{t('outbox.pick')}</p>
        ) : (
          <p className="outbox__pick" role="status">
            {t('outbox.loading')}
          </p>
        )}
      </section>
    </div>
  );
}
