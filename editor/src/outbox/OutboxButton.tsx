import {
  Component,
  type ComponentType,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxProps } from './Outbox.tsx';
// The placeholder below is dressed as the outbox, before the outbox's own code has arrived.
import './outbox.css';

/** The outbox's code: fetched the first time it is opened, not with the page. */
export type LoadOutbox = () => Promise<{ default: ComponentType<OutboxProps> }>;

const loadOutbox: LoadOutbox = () => import('./Outbox.tsx').then((m) => ({ default: m.Outbox }));

export interface OutboxButtonProps {
  /** How the outbox's code is fetched (tests make it slow, or fail). */
  load?: LoadOutbox;
}

/**
 * The toolbar's way into the outbox. The outbox is not part of the page's first load: its
 * code comes when it is first opened, with "Loading…" meanwhile, and a message with Try again
 * if it can't be fetched (the network dropped, or a new build replaced the files).
 * Test hooks: data-testid "outbox-button", "outbox-loading", "outbox-load-error".
 */
export function OutboxButton({ load = loadOutbox }: OutboxButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // A failed fetch stays failed in React.lazy: each attempt makes a new one.
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt fetches afresh
  const Outbox = useMemo(() => lazy(load), [load, attempt]);
  const button = useRef<HTMLButtonElement>(null);
  // Stable, and focus goes back where it was before the outbox opened.
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        title={t('outbox.openHint')}
        data-testid="outbox-button"
        ref={button}
        onClick={() => setOpen(true)}
      >
        {t('outbox.open')}
      </button>
      {open && (
        <LoadFailure
          key={attempt}
          fallback={(error) => (
            <Placeholder onClose={close}>
              <div className="outbox-list__note" role="alert" data-testid="outbox-load-error">
                <p>{t('outbox.failed', { reason: reasonOf(error) })}</p>
                <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
                  {t('outbox.retry')}
                </button>
              </div>
            </Placeholder>
          )}
        >
          <Suspense
            fallback={
              <Placeholder onClose={close}>
                <p className="outbox__pick" role="status" data-testid="outbox-loading">
                  {t('outbox.loading')}
                </p>
              </Placeholder>
            }
          >
            <Outbox onClose={close} />
          </Suspense>
        </LoadFailure>
      )}
    </>
  );
}

/** The outbox's frame (title, Close, Escape) around a note, while it can't be shown. */
function Placeholder({ onClose, children }: { onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.focus();
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);
  return (
    <div
      className="outbox"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={dialog}
    >
      <header className="outbox__bar">
        <h2 id={titleId}>{t('outbox.title')}</h2>
        <span className="outbox__intro" />
        <button type="button" className="button" onClick={onClose} data-testid="outbox-close">
          {t('outbox.close')}
        </button>
      </header>
      <div className="outbox__token">{children}</div>
    </div>
  );
}

/** Shows `fallback` in place of its children once they threw (the outbox's code didn't load). */
class LoadFailure extends Component<
  { fallback(error: unknown): ReactNode; children: ReactNode },
  { error: unknown; failed: boolean }
> {
  override state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
