import { type ReactNode, useEffect, useId, useRef } from 'react';
import './document.css';

export interface DialogProps {
  /** The visible heading; without one, `label` names the dialog. */
  title?: ReactNode;
  label?: string;
  onClose(): void;
  testId: string;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A modal dialog: the browser's own <dialog> opened with showModal, so focus stays inside
 * it, Escape closes it and the page behind is inert. When the last dialog closes, focus goes
 * back to what had it before the first opened (a toolbar button), even when one dialog led to
 * another (a token, then a conflict).
 */
export function Dialog({ title, label, onClose, testId, wide = false, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    rememberOpener();
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      returnFocus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`doc-dialog${wide ? ' doc-dialog--wide' : ''}`}
      aria-labelledby={title ? titleId : undefined}
      aria-label={title ? undefined : label}
      data-testid={testId}
      // Escape asks the owner, which decides (it may be waiting for the server): handled on the
      // key itself, as the browser's own cancel follows only a real key press.
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {title && (
        <h2 id={titleId} className="doc-dialog__title">
          {title}
        </h2>
      )}
      {children}
    </dialog>
  );
}

/** What had focus before the first of the open dialogs. */
let opener: HTMLElement | null = null;

function rememberOpener() {
  const active = document.activeElement;
  if (active instanceof HTMLElement && !active.closest('dialog')) opener = active;
}

function returnFocus() {
  // After React has put up the next dialog, if one follows this one.
  queueMicrotask(() => {
    if (document.querySelector('dialog[open]')) return;
    if (opener?.isConnected) opener.focus();
    opener = null;
  });
}
