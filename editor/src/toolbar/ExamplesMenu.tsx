import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentActions } from '../document/actions.ts';
import { EXAMPLES, openExample } from '../sequence/examples.ts';

/**
 * A menu of the bundled example sequences. Opening one over unsaved changes asks first (keep
 * working, or discard and open). Test hook: items are data-testid="example" with data-example.
 */
export function ExamplesMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        ref={button}
        data-testid="examples-button"
        onClick={() => setOpen(!open)}
      >
        {t('toolbar.examples')} ▾
      </button>
      {open && (
        <div className="menu__list" role="menu" id={menuId}>
          {EXAMPLES.map((example) => (
            <button
              type="button"
              role="menuitem"
              key={example.fileName}
              className="menu__item"
              data-testid="example"
              data-example={example.fileName}
              onClick={() => {
                setOpen(false);
                // The menu closes: focus goes back to its button (and there after a dialog).
                button.current?.focus();
                documentActions.replaceWith({ kind: 'example', name: example.name }, () =>
                  openExample(example),
                );
              }}
            >
              <span>{example.name}</span>
              <code>{example.fileName}</code>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
