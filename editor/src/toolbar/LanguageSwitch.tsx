import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/i18n.ts';
import { LANGUAGES } from '../i18n/language.ts';

/** EN / 한국어. The choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="language" role="group" aria-label={t('toolbar.language')}>
      {LANGUAGES.map((language) => (
        <button
          type="button"
          key={language}
          lang={language}
          className="button language__option"
          aria-pressed={i18n.language === language}
          data-testid={`language-${language}`}
          onClick={() => setLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
