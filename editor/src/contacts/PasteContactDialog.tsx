import { checkContact } from '@nudge/schema';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../document/Dialog.tsx';
import { addContact } from './contact-choice.ts';

/**
 * A contact of the author's own, pasted as JSON and checked as the API checks contacts: what is
 * wrong is said with its place (a JSON pointer), and nothing is added until it is right.
 * Test hook: data-testid="paste-contact-dialog".
 */
export function PasteContactDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      setError(t('preview.contact.pasteNotJson', { detail: (cause as Error).message }));
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      setError(t('preview.contact.pasteNotObject'));
      return;
    }
    const checked = checkContact(value);
    if (!checked.ok) {
      const first = checked.problems[0];
      setError(
        t('preview.contact.pasteInvalid', {
          message: first?.message,
          pointer: first?.pointer || '/',
        }),
      );
      return;
    }
    addContact('pasted', checked.contact);
    onClose();
  };
  return (
    <Dialog title={t('preview.contact.pasteTitle')} onClose={onClose} testId="paste-contact-dialog">
      <form
        className="contact-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={id}>{t('preview.contact.pasteLabel')}</label>
        <textarea
          id={id}
          className="contact-dialog__json"
          rows={8}
          spellCheck={false}
          value={text}
          aria-invalid={error !== null}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <p id={`${id}-hint`} className="contact-dialog__hint">
          {t('preview.contact.pasteHint')}
        </p>
        <p id={`${id}-error`} className="contact-dialog__error" role="alert">
          {error}
        </p>
        <div className="doc-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('preview.contact.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('preview.contact.pasteSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
