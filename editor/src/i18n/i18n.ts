import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Resources } from './en.ts';
import { ko } from './ko.ts';
import { initialLanguage, type Language, saveLanguage } from './language.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}

export const resources = { en: { translation: en }, ko: { translation: ko } } as const;

/** The one i18next instance of the editor; react-i18next's hooks use it. */
export const i18n = i18next.createInstance();

i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'ko'],
  // React escapes text itself; escaping here too would show &quot; in summaries.
  interpolation: { escapeValue: false },
  initAsync: false,
});

const markDocument = (language: string) => {
  if (globalThis.document) globalThis.document.documentElement.lang = language;
};
markDocument(i18n.language);
i18n.on('languageChanged', markDocument);

/** Switches the UI language and remembers the choice for the next visit. */
export function setLanguage(language: Language): void {
  saveLanguage(language);
  void i18n.changeLanguage(language);
}
