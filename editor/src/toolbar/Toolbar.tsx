import { useTranslation } from 'react-i18next';
import { DocumentButtons, StartButtons } from '../document/DocumentButtons.tsx';
import { OutboxButton } from '../outbox/OutboxButton.tsx';
import { SequenceSettingsButton } from '../panel/SequenceSettings.tsx';
import { SimulateButton } from '../simulate/SimulateButton.tsx';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { HistoryButtons } from './HistoryButtons.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { OpenFileButton } from './OpenFileButton.tsx';
import '../ui/button.css';
import './toolbar.css';

/**
 * The bar's actions, in the order a sequence's life goes: start one (new, from a file, from
 * the server, an example), change it (undo, redo), keep it (save, publish, export), then its
 * settings, the outbox and the language.
 */
export function Toolbar() {
  const { t } = useTranslation();
  return (
    <nav className="toolbar" aria-label={t('toolbar.label')}>
      <StartButtons />
      <OpenFileButton />
      <ExamplesMenu />
      <HistoryButtons />
      <DocumentButtons />
      <SequenceSettingsButton />
      <SimulateButton />
      <OutboxButton />
      <LanguageSwitch />
    </nav>
  );
}
