import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outbox } from './Outbox.tsx';

/** The toolbar's way into the outbox. Test hook: data-testid="outbox-button". */
export function OutboxButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
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
      {open && <Outbox onClose={close} />}
    </>
  );
}
