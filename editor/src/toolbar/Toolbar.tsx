import { useTranslation } from 'react-i18next';
import { OutboxButton } from '../outbox/OutboxButton.tsx';
import { SequenceSettingsButton } from '../panel/SequenceSettings.tsx';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { HistoryButtons } from './HistoryButtons.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { OpenFileButton } from './OpenFileButton.tsx';
import '../ui/button.css';
import './toolbar.css';

export function Toolbar() {
  const { t } = useTranslation();
  return (
    <nav className="toolbar" aria-label={t('toolbar.label')}>
      <OpenFileButton />
      <ExamplesMenu />
      <HistoryButtons />
      <SequenceSettingsButton />
      <OutboxButton />
      <LanguageSwitch />
    </nav>
  );
}
