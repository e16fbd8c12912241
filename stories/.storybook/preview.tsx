import { I18nProvider, i18n, LANGUAGES, skipWorkingCopyRestore } from '@nudge/editor';
import type { Preview } from '@storybook/react-vite';
import '@xyflow/react/dist/style.css';
import './preview.css';

// Every story file shares the browser's storage: the page-level restore would reopen a working
// copy another file's story kept, under this file's stories. (The working-copy stories restore
// with their own stores.)
skipWorkingCopyRestore();

/** Stories render in English unless a story (or the toolbar) picks another language. */
const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'UI language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: LANGUAGES.map((value) => ({ value, title: value === 'ko' ? '한국어' : 'English' })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  async beforeEach({ globals }) {
    await i18n.changeLanguage(typeof globals.locale === 'string' ? globals.locale : 'en');
  },
  decorators: [
    (Story) => (
      <I18nProvider>
        <Story />
      </I18nProvider>
    ),
  ],
  parameters: { layout: 'centered' },
};

export default preview;
