import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TokenFormProps {
  onSubmit(token: string): void;
  /** The last token entered was refused by the API. */
  refused?: boolean;
  /** What the token is for, and the submit button's text (saving asks for it too). */
  explain?: string;
  submitLabel?: string;
}

/**
 * Asks for the API token the outbox reads with, and says where one comes from. Test hooks:
 * data-testid "token-form", "token-input", "token-refused".
 */
export function TokenForm({ onSubmit, refused = false, explain, submitLabel }: TokenFormProps) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSubmit(token.trim());
  };
  return (
    <form className="token-form" onSubmit={submit} data-testid="token-form">
      <h3>{t('outbox.token.title')}</h3>
      <p>{explain ?? t('outbox.token.explain')}</p>
      {refused && (
        <p className="token-form__refused" role="alert" data-testid="token-refused">
          {t('outbox.token.refused')}
        </p>
      )}
      <label htmlFor={inputId}>{t('outbox.token.label')}</label>
      <div className="token-form__row">
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          data-testid="token-input"
          // biome-ignore lint/a11y/noAutofocus: the form is all the view shows until a token is given
          autoFocus
        />
        <button type="submit" className="button token-form__submit" disabled={!token.trim()}>
          {submitLabel ?? t('outbox.token.submit')}
        </button>
      </div>
      <p className="token-form__kept">{t('outbox.token.kept')}</p>
    </form>
  );
}
