import { useTranslation } from 'react-i18next';
import { toggleSimulate, useSimulateOpen } from './store.ts';

/** The toolbar's Simulate button: opens (or closes) the Simulate panel under the canvas. */
export function SimulateButton() {
  const { t } = useTranslation();
  const open = useSimulateOpen();
  return (
    <button
      type="button"
      className="button"
      aria-pressed={open}
      title={t('simulate.buttonHint')}
      data-testid="simulate-button"
      onClick={() => toggleSimulate()}
    >
      {t('simulate.button')}
    </button>
  );
}
