import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmptyVariable } from './render-step.ts';

/**
 * The variables that rendered empty for this contact, each with the field it reads and a fix:
 * a default, pre-filled with a word that suits the text around it, added to every place the
 * step uses the variable without one. Test hooks: data-testid="empty-variables", each item
 * data-testid="empty-variable" with data-name.
 */
export function EmptyVariables({
  empty,
  suggest,
  onAddDefault,
}: {
  empty: EmptyVariable[];
  suggest(variable: EmptyVariable): string;
  onAddDefault(variable: EmptyVariable, value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="preview__section" data-testid="empty-variables">
      <h3>{t('preview.empty.title')}</h3>
      {empty.length === 0 ? (
        <p className="preview__note">{t('preview.empty.none')}</p>
      ) : (
        <ul className="empty-variables">
          {empty.map((variable) => (
            <EmptyItem
              key={variable.name}
              variable={variable}
              initial={suggest(variable)}
              onAddDefault={onAddDefault}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function EmptyItem({
  variable,
  initial,
  onAddDefault,
}: {
  variable: EmptyVariable;
  initial: string;
  onAddDefault(variable: EmptyVariable, value: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(initial);
  const output = `{{ ${variable.name} }}`;
  return (
    <li className="empty-variables__item" data-testid="empty-variable" data-name={variable.name}>
      <p className="empty-variables__what">
        <code>{output}</code>{' '}
        <span className="preview__note">
          {t('preview.empty.reads', { path: variable.path, fields: variable.fields.join(', ') })}
        </span>
      </p>
      <form
        className="empty-variables__fix"
        onSubmit={(e) => {
          e.preventDefault();
          onAddDefault(variable, value);
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          {t('preview.empty.defaultLabel', { name: variable.name })}
        </label>
        <input
          id={id}
          value={value}
          maxLength={200}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t('preview.empty.defaultLabel', { name: variable.name })}
        />
        <button type="submit" className="button button--small">
          {t('preview.empty.add')}
        </button>
      </form>
    </li>
  );
}
